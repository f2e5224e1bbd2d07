"""데이터베이스 연동 (Database with SQLAlchemy)"""
