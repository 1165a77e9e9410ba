"""The Telegram front-end: app wiring (app.py), the update adapter (updates.py), long polling
(polling.py) and the Bot API transport (http.py). Nothing outside bot/ imports python-telegram-bot."""
