"""pwdlib로 비밀번호 해시: 저장소에는 비밀번호가 아니라 Argon2 해시만 둡니다."""

from pwdlib import PasswordHash

# pwdlib의 권장 해셔는 Argon2id이고, 해시 문자열에 솔트와 매개변수가 함께 들어 있습니다.
password_hash: PasswordHash = PasswordHash.recommended()


def hash_password(password: str) -> str:
    return password_hash.hash(password)
