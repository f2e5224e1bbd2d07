"""파일 업로드, 미들웨어, CORS, 라우터 (Files, middleware, CORS and routers)"""
