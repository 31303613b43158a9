"""The tests mirror the package's rooms (tests/data, tests/charts, tests/publish, tests/site, tests/edition,
tests/build) plus tests/book for what the book says. This file's folder is on the path, so every test imports the
shared helpers (repository.py: copies of the repository; prose.py: the pages' prose) by name."""
