"""FastAPI 시작하기 (Getting started)"""
