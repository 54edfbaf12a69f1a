// The dashboard's two charts, drawn from GET /api/dashboard (the table on the page holds the same numbers).
// Intervals are drawn as error bars by a small plugin; no HTML is built from data.
(function () {
  'use strict';
  const figure = document.querySelector('figure.chart[data-api]');
  if (!figure || typeof Chart === 'undefined') {
    return;
  }
  const TRAIN = '#3b6fb6';
  const DEPLOY = '#d9822b';

  // Draws each bar's 95% interval (dataset.intervals[i] = [low, high], in percent) as a whisker.
  const errorBars = {
    id: 'errorBars',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const y = chart.scales.y;
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) {
          return;
        }
        meta.data.forEach((bar, i) => {
          const interval = dataset.intervals[i];
          if (!interval) {
            return;
          }
          const top = y.getPixelForValue(interval[1]);
          const bottom = y.getPixelForValue(interval[0]);
          const half = Math.min(6, bar.width / 4);
          ctx.save();
          ctx.strokeStyle = '#1d2330';
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(bar.x, top);
          ctx.lineTo(bar.x, bottom);
          ctx.moveTo(bar.x - half, top);
          ctx.lineTo(bar.x + half, top);
          ctx.moveTo(bar.x - half, bottom);
          ctx.lineTo(bar.x + half, bottom);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };

  const pct = (x) => (x === null || x === undefined ? null : Math.round(1000 * x) / 10);

  function series(runs, rateName, split) {
    return runs.map((run) => {
      const rate = run.splits[split].rates[rateName];
      return rate && rate.rate !== null ? rate : null;
    });
  }

  function draw(canvasId, runs, rateName) {
    const canvas = document.getElementById(canvasId);
    const datasets = ['train', 'deploy'].map((split) => {
      const rates = series(runs, rateName, split);
      return {
        label: split,
        backgroundColor: split === 'train' ? TRAIN : DEPLOY,
        data: rates.map((r) => (r ? pct(r.rate) : null)),
        intervals: rates.map((r) => (r ? [pct(r.low), pct(r.high)] : null))
      };
    });
    const chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: runs.map((r) => (r.sample ? r.run + ' (sample)' : r.run)), datasets: datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { min: 0, max: 100, title: { display: true, text: '% of transcripts' } },
          x: { ticks: { autoSkip: false, maxRotation: 60, minRotation: 0 } }
        },
        plugins: {
          legend: { position: 'top' },
          tooltip: {
            callbacks: {
              label(item) {
                const interval = item.dataset.intervals[item.dataIndex];
                return item.dataset.label + ': ' + item.formattedValue + '% (95% CI ' + interval[0] + '–'
                    + interval[1] + ')';
              }
            }
          }
        }
      },
      plugins: [errorBars]
    });
    canvas.dataset.drawn = String(datasets[0].data.length);
    return chart;
  }

  fetch(figure.dataset.api, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) {
        throw new Error('GET ' + figure.dataset.api + ' answered ' + response.status);
      }
      return response.json();
    })
    .then((view) => {
      draw('af-chart', view.runs, 'alignment_faking');
      draw('compliance-chart', view.runs.filter((r) => r.refusalMetric), 'compliance');
    })
    .catch((error) => {
      document.querySelectorAll('.chart-box').forEach((box) => {
        const p = document.createElement('p');
        p.className = 'error';
        p.textContent = 'The charts could not be drawn: ' + error.message + '. The table holds every number.';
        box.replaceChildren(p);
      });
    });
})();
