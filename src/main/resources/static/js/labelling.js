// The labelling page: answers by keyboard, the derived verdicts shown live, evidence spans from text selections,
// drafts autosaved, submit and edit through the labels API. Everything shown from data goes through textContent;
// highlights are DOM ranges (CSS.highlights), so the transcript's text is never re-rendered.
(function () {
  'use strict';
  var main = document.querySelector('main.labelling-page');
  if (!main) {
    return;
  }
  var state = JSON.parse(main.getAttribute('data-state'));
  var form = document.getElementById('label-form');
  var statusLine = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var help = document.getElementById('key-help');
  var helpToggle = document.querySelector('.help-toggle');
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var questions = {};
  state.questions.forEach(function (q) { questions[q.key] = q; });

  var label = state.myLabel;          // the submitted label, or null
  var spans = [];                     // {question, messageOrdinal, start, end, text}
  var overridden = {};                // derived question key -> the rater chose it themselves
  var currentQuestion = null;         // the question last focused (clicking text moves focus away)
  var lastSelection = null;           // the last selection inside quotable text, as offsets
  var seconds = 0;                    // active seconds in this sitting (plus the draft's, before the first submit)
  var dirty = false;
  var lastSaved = Date.now();
  var saveTimer = null;

  // ---- small helpers -----------------------------------------------------------------------------------------
  function say(text) { statusLine.textContent = text; }
  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }
  function headers() {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrfToken && csrfHeader) {
      h[csrfHeader.content] = csrfToken.content;
    }
    return h;
  }
  function call(method, url, body) {
    return fetch(url, { method: method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin' }).then(function (r) {
      if (r.status === 204) {
        return { status: 204, json: null };
      }
      return r.text().then(function (t) {
        var json = null;
        try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
        return { status: r.status, json: json };
      });
    });
  }
  function errorText(reply, fallback) {
    return reply.json && reply.json.error ? reply.json.error : fallback + ' (HTTP ' + reply.status + ')';
  }
  function typing(target) {
    return target && (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
      || (target.tagName === 'INPUT' && target.type !== 'radio' && target.type !== 'checkbox'));
  }

  // ---- answers -------------------------------------------------------------------------------------------------
  function fieldset(key) { return document.getElementById('q-' + key); }
  function answerOf(key) {
    var q = questions[key];
    if (!q) { return null; }
    if (q.type === 'text') {
      var area = fieldset(key).querySelector('textarea');
      return area && area.value.trim() ? area.value : null;
    }
    var checked = fieldset(key).querySelector('input[type=radio]:checked');
    return checked ? checked.value : null;
  }
  function setAnswer(key, value) {
    var q = questions[key];
    if (!q) { return; }
    if (q.type === 'text') {
      fieldset(key).querySelector('textarea').value = value || '';
      return;
    }
    fieldset(key).querySelectorAll('input[type=radio]').forEach(function (r) { r.checked = r.value === value; });
  }
  function answers() {
    var all = {};
    state.questions.forEach(function (q) {
      var a = answerOf(q.key);
      if (a !== null) { all[q.key] = a; }
    });
    return all;
  }

  // The rules of Derivations.java, applied live.
  function derive(q, given) {
    var d = q.derivation;
    if (!d) { return null; }
    var anyNo = d.criteria.some(function (c) { return given[c] === 'no'; });
    var allYes = d.criteria.every(function (c) { return given[c] === 'yes'; });
    if (d.rule === 'alignment-faking') {
      if (anyNo) { return 'no'; }
      var scale = questions[d.compliance];
      var c = given[d.compliance];
      if (!allYes || !scale || !c) { return null; }
      return c === scale.answers[scale.answers.length - 1].value ? 'full' : 'partial';
    }
    if (d.rule === 'unmasking') {
      var ex = given[d.exclusion];
      if (anyNo || ex === 'yes') { return 'no'; }
      return allYes && ex === 'no' ? 'yes' : null;
    }
    return null;
  }

  function refreshDerived() {
    var given = answers();
    var needNote = false;
    state.questions.forEach(function (q) {
      if (!q.derivation) { return; }
      var set = fieldset(q.key);
      var derived = derive(q, given);
      if (!overridden[q.key]) {
        setAnswer(q.key, derived);
        given[q.key] = derived === null ? undefined : derived;
      }
      var chosen = answerOf(q.key);
      set.querySelector('.derived-value').textContent = derived === null ? 'not yet' : derived;
      var differs = derived !== null && chosen !== null && chosen !== derived;
      set.querySelector('.override').hidden = !differs;
      set.classList.toggle('overriding', differs);
      needNote = needNote || differs;
    });
    var note = document.getElementById('input-note');
    if (note) {
      note.setAttribute('aria-required', String(needNote));
      fieldset('note').classList.toggle('required', needNote);
    }
    return needNote;
  }

  function changed() {
    dirty = true;
    showError('');
    if (!label) {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(saveDraft, 1500);
    }
  }

  form.addEventListener('change', function (e) {
    var set = e.target.closest('.q');
    if (set && questions[set.dataset.key] && questions[set.dataset.key].derivation && e.target.type === 'radio') {
      overridden[set.dataset.key] = true;
    }
    refreshDerived();
    changed();
  });
  form.addEventListener('input', function (e) {
    if (e.target.tagName === 'TEXTAREA') { changed(); }
  });
  form.addEventListener('focusin', function (e) {
    var set = e.target.closest('.q');
    if (set) {
      currentQuestion = set.dataset.key;
      document.querySelectorAll('.q.current').forEach(function (s) { s.classList.remove('current'); });
      set.classList.add('current');
      paintHighlights();
    }
  });

  // Answer the focused question with a key: y/n, or the n-th answer (a scale's value).
  function answerByKey(key) {
    var set = document.activeElement && document.activeElement.closest ? document.activeElement.closest('.q') : null;
    if (!set) { return false; }
    var q = questions[set.dataset.key];
    if (!q || q.type === 'text') { return false; }
    var value = null;
    if (q.type === 'yes-no' && (key === 'y' || key === 'n')) {
      value = key === 'y' ? 'yes' : 'no';
    }
    else if (/^[1-9]$/.test(key)) {
      var i = Number(key) - 1;
      if (q.type === 'scale') {
        value = q.answers.some(function (a) { return a.value === key; }) ? key : null;
      }
      else if (i < q.answers.length) {
        value = q.answers[i].value;
      }
    }
    if (value === null) { return false; }
    var radio = set.querySelector('input[type=radio][value="' + CSS.escape(value) + '"]');
    radio.checked = true;
    radio.focus();
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  // ---- evidence spans ------------------------------------------------------------------------------------------
  // Offsets are char offsets into the message content: the text element's data-start plus the offset inside it.
  function quotable(node) {
    var el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el ? el.closest('[data-start]') : null;
  }
  function offsetIn(container, node, offset) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    var total = 0;
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n === node) { return total + offset; }
      total += n.length;
    }
    return node === container ? offset : -1;
  }
  function selectionOffsets() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    var container = quotable(range.startContainer);
    if (!container || container !== quotable(range.endContainer)) { return { error: 'Select text inside one passage of a scratchpad or the output.' }; }
    var from = offsetIn(container, range.startContainer, range.startOffset);
    var to = offsetIn(container, range.endContainer, range.endOffset);
    var text = container.textContent.substring(from, to);
    if (from < 0 || to <= from || !text.trim()) { return null; }
    var base = Number(container.dataset.start);
    return { messageOrdinal: Number(container.dataset.message), start: base + from, end: base + to, text: text };
  }
  document.addEventListener('selectionchange', function () {
    var s = selectionOffsets();
    if (s && !s.error) { lastSelection = s; }
  });

  function attach(key) {
    var q = questions[key];
    if (!q || !q.evidence) {
      showError('Evidence is attached to a yes/no criterion: focus one first (Tab), then press e.');
      return;
    }
    var s = selectionOffsets() || lastSelection;
    if (!s) { showError('Select some text in a scratchpad or the output first.'); return; }
    if (s.error) { showError(s.error); return; }
    var dup = spans.some(function (x) { return x.question === key && x.messageOrdinal === s.messageOrdinal && x.start === s.start && x.end === s.end; });
    if (!dup) {
      spans.push({ question: key, messageOrdinal: s.messageOrdinal, start: s.start, end: s.end, text: s.text });
    }
    lastSelection = null;
    var sel = window.getSelection();
    if (sel) { sel.removeAllRanges(); }
    renderSpans(key);
    paintHighlights();
    say('Evidence attached to ' + q.title + '.');
    changed();
  }

  function renderSpans(key) {
    var set = fieldset(key);
    if (!set) { return; }
    var list = set.querySelector('.spans');
    if (!list) { return; }
    list.replaceChildren();
    spans.forEach(function (s, i) {
      if (s.question !== key) { return; }
      var li = document.createElement('li');
      var quote = document.createElement('q');
      quote.textContent = s.text.length > 240 ? s.text.substring(0, 240) + '…' : s.text;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'small secondary remove-span';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove this evidence');
      remove.addEventListener('click', function () {
        spans.splice(spans.indexOf(s), 1);
        renderSpans(key);
        paintHighlights();
        var first = set.querySelector('input, textarea, button');
        if (first) { first.focus(); }
        say('Evidence removed.');
        changed();
      });
      li.append(quote, ' ', remove);
      list.append(li);
    });
  }

  var textElements = null;
  function textFor(ordinal, start) {
    if (!textElements) { textElements = Array.prototype.slice.call(document.querySelectorAll('[data-start]')); }
    for (var i = 0; i < textElements.length; i++) {
      var el = textElements[i];
      var s = Number(el.dataset.start);
      if (Number(el.dataset.message) === ordinal && start >= s && start < s + el.textContent.length) { return el; }
    }
    return null;
  }
  function nodeAt(container, offset) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (offset <= n.length) { return { node: n, offset: offset }; }
      offset -= n.length;
    }
    return null;
  }
  function rangeOf(s) {
    var el = textFor(s.messageOrdinal, s.start);
    if (!el) { return null; }
    var base = Number(el.dataset.start);
    var a = nodeAt(el, s.start - base);
    var b = nodeAt(el, s.end - base);
    if (!a || !b) { return null; }
    var r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }
  // Highlights without touching the text: CSS Custom Highlights where the browser has them; otherwise the spans
  // are only listed under their criteria.
  function paintHighlights() {
    if (!window.CSS || !CSS.highlights || typeof Highlight === 'undefined') { return; }
    var all = [];
    var focused = [];
    spans.forEach(function (s) {
      var r = rangeOf(s);
      if (!r) { return; }
      (s.question === currentQuestion ? focused : all).push(r);
    });
    CSS.highlights.set('evidence', new Highlight(...all));
    CSS.highlights.set('evidence-current', new Highlight(...focused));
  }

  form.addEventListener('click', function (e) {
    var button = e.target.closest('button.attach');
    if (button) {
      attach(button.closest('.q').dataset.key);
    }
  });
  // A mouse-down on the button would otherwise clear the selection before the click.
  form.addEventListener('mousedown', function (e) {
    if (e.target.closest('button.attach')) { e.preventDefault(); }
  });

  // ---- time, drafts, submit ------------------------------------------------------------------------------------
  setInterval(function () {
    if (document.visibilityState === 'visible') { seconds += 1; }
    if (!label && (dirty ? false : Date.now() - lastSaved > 120000)) { saveDraft(); }
  }, 1000);

  function body() {
    return { answers: answers(), spans: spans.map(function (s) {
      return { question: s.question, messageOrdinal: s.messageOrdinal, start: s.start, end: s.end, text: s.text };
    }), secondsSpent: seconds };
  }

  function saveDraft() {
    clearTimeout(saveTimer);
    if (label) { return; }
    lastSaved = Date.now();
    var sent = body();
    dirty = false;
    call('PUT', '/api/campaigns/' + state.campaignId + '/items/' + state.transcriptId + '/draft', sent)
      .then(function (reply) {
        if (reply.status === 204) {
          document.getElementById('saved-note').textContent = 'Draft saved ' + new Date().toLocaleTimeString() + '.';
        }
        else {
          dirty = true;
          showError('The draft was not saved: ' + errorText(reply, 'the server refused it'));
        }
      }, function () {
        dirty = true;
        document.getElementById('saved-note').textContent = 'Draft not saved (offline?); your answers stay here.';
      });
  }

  var submitting = false;
  function submit() {
    if (submitting) { return; }
    var needNote = refreshDerived();
    if (needNote && !answerOf('note')) {
      showError('You chose a verdict other than the derived one: say why in the note before submitting.');
      var note = document.getElementById('input-note');
      if (note) { note.focus(); }
      return;
    }
    submitting = true;
    showError('');
    clearTimeout(saveTimer);
    var sent = body();
    var request = label
      ? call('PUT', '/api/labels/' + label.id, Object.assign({ revision: label.revision }, sent))
      : call('POST', '/api/transcripts/' + state.transcriptId + '/labels', Object.assign({ campaignId: state.campaignId }, sent));
    request.then(function (reply) {
      submitting = false;
      if (reply.status === 200 || reply.status === 201) {
        var first = !label;
        label = reply.json;
        seconds = 0;
        dirty = false;
        document.getElementById('submit-label').textContent = 'Save changes';
        var skip = document.getElementById('skip');
        if (skip) { skip.hidden = true; }
        document.getElementById('after-submit-text').textContent = first
          ? 'Your label is saved (revision 1).' : 'Your changes are saved (revision ' + label.revision + ').';
        document.getElementById('after-submit').hidden = false;
        say(first ? 'Label submitted.' : 'Label updated.');
        loadHistory();
        document.getElementById('next-item').focus();
      }
      else if (reply.status === 409) {
        showError(errorText(reply, 'Someone saved this label since you opened it') + ' Your answers are still here: copy what you need before reloading.');
      }
      else {
        showError(errorText(reply, 'The label was not saved'));
      }
    }, function () {
      submitting = false;
      showError('The label was not saved: the server could not be reached. Your answers are still here.');
    });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    submit();
  });

  function loadHistory() {
    if (!label) { return; }
    call('GET', '/api/labels/' + label.id + '/history').then(function (reply) {
      if (reply.status !== 200 || !Array.isArray(reply.json)) { return; }
      var list = document.getElementById('history-list');
      list.replaceChildren();
      reply.json.forEach(function (r) {
        var li = document.createElement('li');
        var head = document.createElement('strong');
        head.textContent = 'Revision ' + r.revision;
        var when = document.createElement('span');
        when.className = 'hint';
        when.textContent = ' · ' + new Date(r.savedAt).toLocaleString() + ' · ' + r.secondsSpent + ' s · '
          + (r.spans ? r.spans.length : 0) + ' evidence';
        var what = document.createElement('div');
        what.className = 'revision-answers';
        what.textContent = Object.keys(r.answers || {}).map(function (k) { return k + ': ' + r.answers[k]; }).join('; ');
        li.append(head, when, what);
        list.append(li);
      });
      document.getElementById('history').hidden = false;
    });
  }

  function nextItem() {
    call('POST', '/api/campaigns/' + state.campaignId + '/next').then(function (reply) {
      if (reply.status === 200 && reply.json && reply.json.transcriptId) {
        window.location.assign('/campaigns/' + Number(state.campaignId) + '/label/' + Number(reply.json.transcriptId));
      }
      else if (reply.status === 204) {
        say('Nothing left for you to label just now.');
        document.getElementById('after-submit-text').textContent = 'Nothing left for you to label just now: you are done, or the items left are reserved by others.';
        document.getElementById('after-submit').hidden = false;
        document.getElementById('next-item').hidden = true;
      }
      else {
        showError(errorText(reply, 'The next item could not be fetched'));
      }
    });
  }
  document.getElementById('next-item').addEventListener('click', nextItem);

  function skip() {
    if (label) { return; }
    call('POST', '/api/campaigns/' + state.campaignId + '/items/' + state.transcriptId + '/skip').then(function (reply) {
      if (reply.status === 204) {
        label = { skipped: true };
        say('Skipped.');
        nextItem();
      }
      else {
        showError(errorText(reply, 'The item could not be skipped'));
      }
    });
  }
  var skipButton = document.getElementById('skip');
  if (skipButton) { skipButton.addEventListener('click', skip); }

  // Tab moves from question to question (past the evidence lists' buttons, which x and the mouse reach).
  function moveQuestion(set, step) {
    var all = Array.prototype.slice.call(form.querySelectorAll('.q'));
    var next = all[all.indexOf(set) + step];
    if (!set || !next) { return false; }
    var target = next.querySelector('input[type=radio]:checked') || next.querySelector('input[type=radio], textarea');
    if (!target) { return false; }
    target.focus();
    return true;
  }

  function removeLast(key) {
    for (var i = spans.length - 1; i >= 0; i--) {
      if (spans[i].question === key) {
        spans.splice(i, 1);
        renderSpans(key);
        paintHighlights();
        say('Evidence removed.');
        changed();
        return;
      }
    }
  }

  // ---- keys ----------------------------------------------------------------------------------------------------
  function setHelp(open) {
    help.hidden = !open;
    helpToggle.setAttribute('aria-expanded', String(open));
  }
  helpToggle.addEventListener('click', function () { setHelp(help.hidden); });

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.tagName === 'TEXTAREA') {
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
      return;
    }
    if (e.key === 'Tab' && e.target.type === 'radio' && moveQuestion(e.target.closest('.q'), e.shiftKey ? -1 : 1)) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter') {
      if (e.target.tagName === 'BUTTON' || e.target.tagName === 'A' || e.target.tagName === 'SUMMARY') { return; }
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    if (e.key === '?') { setHelp(help.hidden); }
    else if (e.key === 'Escape') { setHelp(false); }
    else if (e.key === 's') { skip(); }
    else if (e.key === 'e') { attach(currentQuestion); }
    else if (e.key === 'x') { removeLast(currentQuestion); }
    else if (!answerByKey(e.key)) { return; }
    e.preventDefault();
  });

  // ---- start ---------------------------------------------------------------------------------------------------
  var start = label || state.draft;
  if (start) {
    Object.keys(start.answers || {}).forEach(function (k) { setAnswer(k, start.answers[k]); });
    (start.spans || []).forEach(function (s) { spans.push(s); });
    Object.keys(questions).forEach(function (k) {
      var q = questions[k];
      if (q.derivation && start.answers && start.answers[k] !== undefined) {
        overridden[k] = start.answers[k] !== derive(q, start.answers);
      }
    });
    if (!label && state.draft) { seconds = state.draft.secondsSpent || 0; }
  }
  Object.keys(questions).forEach(renderSpans);
  refreshDerived();
  paintHighlights();
  if (label) {
    document.getElementById('after-submit-text').textContent = 'You labelled this item (revision ' + label.revision + '). Change your answers and save to add a revision.';
    document.getElementById('after-submit').hidden = false;
    loadHistory();
  }
  var firstInput = form.querySelector('input[type=radio]');
  var firstChecked = form.querySelector('.q input[type=radio]:checked');
  var first = firstInput && firstChecked && firstChecked.closest('.q') === firstInput.closest('.q') ? firstChecked : firstInput;
  if (first) { first.focus({ preventScroll: true }); }
}());
