"""응답 모델과 상태 코드 (Response models and status codes)"""
