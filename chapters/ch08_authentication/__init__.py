"""인증과 보안 (Authentication and security: OAuth2 + JWT)"""
