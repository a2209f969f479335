"""The WSGI application gunicorn serves (deploy/gunicorn.conf.py)."""

import gc

from app import create_app

application = create_app()
# What startup built (content, index, caches) lives as long as the process: keep it out of the
# garbage collector's full passes, which would otherwise pause requests now and then, and out of
# copy-on-write page faults after the fork.
gc.collect()
gc.freeze()
