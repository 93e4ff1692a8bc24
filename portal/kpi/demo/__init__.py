"""The demo city's plan: the roadmap and funding of every solution (`load_demo_kpi`)."""
