"""gunicorn's settings, read from ./gunicorn.conf.py when it starts.

The port comes from the environment (PORT, set by the Deployment), so changing the port in
the GitOps repository never needs a new image.
"""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
accesslog = "-"
# Kubernetes sends SIGTERM after the preStop pause; finish in-flight requests within the
# pod's termination grace period (30 s) minus that pause.
graceful_timeout = 20
# The heartbeat files live on the writable /tmp: the root file system is read-only.
worker_tmp_dir = "/tmp"
