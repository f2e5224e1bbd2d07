"""의존성 주입 (Dependency injection)"""
