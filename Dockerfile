# news-timeline: one image for every service (ingest, worker, query, topics); the command
# picks the service. Multi-stage: the build stage resolves the runtime lock into a venv, the
# final stage copies only that venv onto a slim Python and runs as a non-root user.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# The web page's time axis, from the npm registry as `make setup` takes it (the vendor
# folder is git-ignored, so a fresh clone has none to copy).
FROM node:22-slim AS axis
ARG VIS_TIMELINE=8.5.4
ARG VIS_TIMELINE_SHA512=5eded136b46f3a44224b293abc54d7491c13ba74f4cbd3330e01d8f0df07f673ee79b27a560faedf19efd12c1bc676bf3dad84dc78da05b94421088aef8134d5
WORKDIR /axis
RUN npm pack --silent vis-timeline@${VIS_TIMELINE} \
    && echo "${VIS_TIMELINE_SHA512}  vis-timeline-${VIS_TIMELINE}.tgz" | sha512sum -c --quiet \
    && mkdir vendor \
    && tar -xzf vis-timeline-${VIS_TIMELINE}.tgz -C vendor --transform 's|.*/||' \
      package/standalone/umd/vis-timeline-graph2d.min.js \
      package/styles/vis-timeline-graph2d.min.css package/LICENSE.MIT.txt

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/newstimeline
# The runtime lock only: no test runners, linters or browsers in the image.
COPY requirements.lock ./
RUN /opt/newstimeline/bin/pip install -r requirements.lock
COPY pyproject.toml README.md ./
COPY services ./services
COPY --from=axis /axis/vendor ./services/query/static/vendor
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
    NEWSTIMELINE_LOGS_DIR=/var/lib/newstimeline/logs \
    NEWSTIMELINE_CURSOR_KEY_FILE=/var/lib/newstimeline/cursor.key \
    NEWSTIMELINE_FEED_STATE_FILE=/var/lib/newstimeline/feeds.json \
    NEWSTIMELINE_RUN_PID_FILE=/var/lib/newstimeline/run.pid
USER newstimeline
WORKDIR /home/newstimeline
EXPOSE 8080 8081 8082
ENTRYPOINT ["newstimeline"]
CMD ["--help"]
