"""What other programs rely on: event names and sources, the events' JSON Schemas, the
AsyncAPI document and the CloudEvents envelope. Imported by the services, importing none."""
