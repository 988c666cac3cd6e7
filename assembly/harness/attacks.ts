// Harness exports for tests of this part of the filter (none yet).
