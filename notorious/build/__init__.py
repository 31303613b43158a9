"""The build room: how ``make`` turns the sources into a site, all or nothing.

- ``state``        ``make book``: build in a staging folder, publish only a whole site (run as a script);
- ``execute``      execute the notebooks on every core into the execution cache before Sphinx reads them;
- ``notebooks``    ``make notebooks``: the .ipynb reference outputs nbval checks;
- ``nbval_pages``  the pytest plugin that tells each notebook's kernel its page under nbval;
- ``preview``      ``make preview``: serve, rebuild on save, reload the browser.
"""
