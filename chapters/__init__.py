"""The ten chapter solutions of FastAPI 초중급 과정, one standalone package each."""
