"""CRUD와 에러 처리 (CRUD and error handling)"""
