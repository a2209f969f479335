"""gunicorn settings for Pensionsguiden (`gunicorn -c python:app.gunicorn_config 'app:create_app()'`).

The access log keeps method, path, status, size and time only: no query string (searches can hold
personal details), no client address, no user agent or referrer."""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
worker_class = os.environ.get("WORKER_CLASS", "sync")
threads = int(os.environ.get("THREADS", "1"))
preload_app = True  # content, index and caches are built once, then shared by the workers
accesslog = None if os.environ.get("ACCESS_LOG") == "off" else "-"  # off only when measuring
errorlog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
