-- H2 stores TEXT (CLOB) values longer than 256 bytes in a separate LOB store by default, which made writing the
-- release's messages the importer's largest cost. Keep values up to 1 MiB inline in their rows; longer ones (5 MB
-- scratchpads exist) still go to the LOB store. The setting is persistent in the database file.
SET MAX_LENGTH_INPLACE_LOB 1048576;
