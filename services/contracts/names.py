"""The names consumers filter on: the CloudEvents types (ce_type) and sources (ce_source)
of the records on the public topics.

On the articles topic a retraction is told from a revision by its type (a revision without
ce_type is a submission); on the timelines topic a tombstone carries TOMBSTONE_TYPE.
"""

SUBMISSION_TYPE = "news.article.submitted.v1"
RETRACTION_TYPE = "news.article.retracted.v1"
TIMELINE_TYPE = "news.timeline.built.v1"
TOMBSTONE_TYPE = "news.timeline.retracted.v1"

INGEST_SOURCE = "/news-timeline/ingest"
NORMALIZER_SOURCE = "/news-timeline/normalizer"
