"""요청 본문과 Pydantic 모델 (Request bodies and Pydantic models)"""
