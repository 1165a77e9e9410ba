# SetCoach: runtime dependencies only, run as an unprivileged user.
#   docker build -t setcoach .
#   docker run -e TELEGRAM_BOT_TOKEN=... -e DATABASE_URL=postgresql://... setcoach
# Without DATABASE_URL the data goes to SQLite in /data: mount a volume there (-v setcoach:/data) or it is lost.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt ./
RUN python -m pip install -r requirements.txt

COPY bot ./bot
COPY handlers ./handlers
COPY rules ./rules

RUN useradd --create-home --uid 10001 setcoach && mkdir /data && chown setcoach /data
USER setcoach

ENV SETCOACH_DB=/data/setcoach.db \
    PORT=8080
VOLUME /data
EXPOSE 8080

# /healthz answers in webhook mode and, when PORT is set, in polling mode too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"]

CMD ["python", "-m", "bot"]
