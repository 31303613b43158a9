"""Chart functions, one module per chapter. Each takes pandas frames and returns an Altair chart;
none loads data. Shared pieces (time axis, decision markers, gap markers) live in ``common``."""
