"""Test data builders (factory_boy and wagtail-factories), for the tests and the benchmarks.

Shipped code never imports from here; the demo keeps its own builders in demo/portrait_builders.py.
"""
