"""API keys for the HTTP services: when keys are configured, a route needs one of them.

Keys are compared in constant time (hmac.compare_digest, against every key); a request
without a key gets 401, one with a key that is not configured gets 403. With no keys
configured the routes are open, and their OpenAPI shows no security requirement.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Security
from fastapi.params import Depends as DependsParam
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr

KEY_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key.")
BEARER = HTTPBearer(auto_error=False, description="An API key as a bearer token.")


def key_checker(keys: list[SecretStr]) -> Callable[..., Awaitable[None]]:
    """A dependency that lets through requests carrying one of `keys`."""
    accepted = [key.get_secret_value().encode() for key in keys]

    async def check(
        api_key: Annotated[str | None, Security(KEY_HEADER)] = None,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)] = None,
    ) -> None:
        given = api_key or (bearer.credentials if bearer else None)
        if not given:
            raise HTTPException(
                status_code=401,
                detail="an API key is required (X-API-Key or Authorization: Bearer)",
                headers={"WWW-Authenticate": "Bearer"},
            )
        offered = given.encode()
        # Every key is compared, so the time taken says nothing about which one is close.
        if not sum(hmac.compare_digest(offered, key) for key in accepted):
            raise HTTPException(status_code=403, detail="this API key is not accepted")

    return check


def key_dependencies(keys: list[SecretStr]) -> list[DependsParam]:
    """Route dependencies: the key check when keys are configured, none otherwise."""
    return [Depends(key_checker(keys))] if keys else []
