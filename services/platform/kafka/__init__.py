"""Kafka: the clients, the local KRaft broker, topics and log identity."""
