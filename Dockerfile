# news-timeline: one image for every service (ingest, worker, query, topics); the command
# picks the service. Multi-stage: the build stage resolves the runtime lock into a venv, the
# final stage copies only that venv onto a slim Python and runs as a non-root user.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/newstimeline
# The runtime lock only: no test runners, linters or browsers in the image.
COPY requirements.lock ./
RUN /opt/newstimeline/bin/pip install -r requirements.lock
COPY pyproject.toml README.md ./
COPY services ./services
RUN /opt/newstimeline/bin/pip install --no-deps .

FROM ${PYTHON_IMAGE}
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/newstimeline \
      newstimeline \
    && mkdir -p /var/lib/newstimeline \
    && chown newstimeline:newstimeline /var/lib/newstimeline
COPY --from=build /opt/newstimeline /opt/newstimeline
# Services listen on every interface of the container; state lives under /var/lib.
ENV PATH=/opt/newstimeline/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    NEWSTIMELINE_INGEST_HOST=0.0.0.0 \
    NEWSTIMELINE_QUERY_HOST=0.0.0.0 \
    NEWSTIMELINE_WORKER_HOST=0.0.0.0 \
    NEWSTIMELINE_DATABASE_PATH=/var/lib/newstimeline/timeline.sqlite3 \
    NEWSTIMELINE_WORKER_DATA_DIR=/var/lib/newstimeline/faust \
    NEWSTIMELINE_LOGS_DIR=/var/lib/newstimeline/logs
USER newstimeline
WORKDIR /home/newstimeline
EXPOSE 8080 8081 8082
ENTRYPOINT ["newstimeline"]
CMD ["--help"]
