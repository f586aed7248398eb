"""HTTP: middleware, error replies, body limit, API keys and metrics."""
