"""gunicorn settings for Pensionsguiden (`gunicorn -c python:app.gunicorn_config`).

The workers are uvicorn's, in front of Flask: see app/asgi.py for why and how. The access log
(written by app/asgi.py) keeps method, path, status, size and time only: no query string (searches
can hold personal details), no client address, no user agent or referrer."""

import os

wsgi_app = "app.asgi:create_asgi_app()"
worker_class = "app.asgi.Worker"
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
preload_app = True  # content, index and caches are built once, then shared by the workers
accesslog = None if os.environ.get("ACCESS_LOG") == "off" else "-"  # off only when measuring
errorlog = "-"
