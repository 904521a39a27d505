"""The GraphQL layer's shared parts: the view, validation limits, declared permissions and
per-request data loaders. Each app keeps its own types and resolvers in `<app>/api/`."""
