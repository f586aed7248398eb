"""RSS 2.0, RSS 1.0 and Atom feeds as articles: fetch, parse, map entries, remember
what was published, publish what is new."""
