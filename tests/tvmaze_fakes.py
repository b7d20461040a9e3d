"""A fake TVmaze for tests: recorded responses (written for this project) served by
httpx's mock transport. No test reaches the network."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from episodetui.core.tvmaze import API, USER_AGENT, TvMazeClient

FIXTURES = Path(__file__).parent / "fixtures" / "tvmaze"


def load(name: str):
    return json.loads((FIXTURES / name).read_text())


class FakeTvMaze:
    """Routes by path; a route's value is JSON, an httpx.Response, an exception, or a
    list of those served one after another."""

    def __init__(self, routes: dict[str, object] | None = None) -> None:
        self.routes: dict[str, object] = {
            "/search/shows": load("search_harbour.json"),
            "/shows/90001": load("show_90001.json"),
            "/shows/90001/episodes": load("episodes_90001.json"),
        }
        self.routes.update(routes or {})
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes.get(request.url.path)
        if isinstance(route, list) and route and isinstance(route[0], (httpx.Response, Exception)):
            route = route.pop(0) if len(route) > 1 else route[0]
        if route is None:
            return httpx.Response(404, json={"name": "Not Found"})
        if isinstance(route, Exception):
            raise route
        if isinstance(route, httpx.Response):
            return route
        return httpx.Response(200, json=route)

    def client(self, cache_dir: Path | None = None) -> TvMazeClient:
        http = httpx.Client(
            base_url=API, transport=httpx.MockTransport(self.handler), headers={"User-Agent": USER_AGENT}
        )
        return TvMazeClient(http=http, cache_dir=cache_dir, sleep=self.sleeps.append)
