"""The publishing room: what a reader gets of a figure and a table.

- ``figures``    the ``Figure`` a chart module returns, and ``FigureBook``, which numbers it and writes its files
                 (its own page, SVG, PNG, CSV) and its HTML under the chart: key, table, sources, reuse;
- ``tables``     source-linked HTML tables: the data dictionary, the source list, the corrections log, the claims;
- ``downloads``  the data tables, the data package archive and each figure's rows, safe in a spreadsheet;
- ``citing``     how the book names a source (publisher, date, the kind of copy read);
- ``prose``      numbers and claim words for the prose, glued from the data;
- ``style``      the house style: money ("US$461,000"), years ("4 years") and dates ("4 December 2026") one way.
"""
