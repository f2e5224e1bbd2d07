"""경로 매개변수와 쿼리 매개변수 (Path and query parameters)"""
