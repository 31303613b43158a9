"""The charts room: one module per page (``intro``, ``listing_history``, ``lobbying``, ``brand_coalitions``,
``platform_metrics``), each figure function taking the dataset and returning a whole ``publish.figures.Figure``
(chart, rows shown, table, text alternative and key); none loads data.

- ``theme``   the one look: colours, labels, the Altair theme;
- ``common``  marks every page shares once: the time axis, decision markers, precision shapes and their keys;
- ``keys``    a figure's key held against its chart's spec.
"""
