"""백그라운드 작업과 테스트 (Background tasks and testing)"""
