"""Password hashing with pwdlib: the store keeps an Argon2 hash, never the password."""

from pwdlib import PasswordHash

# pwdlib's recommended hasher is Argon2id; the hash string carries its own salt and parameters.
password_hash = PasswordHash.recommended()


def hash_password(password: str) -> str:
    return password_hash.hash(password)
