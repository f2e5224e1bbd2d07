"""``/forms``: HTML-style form data (``application/x-www-form-urlencoded``), not JSON."""

from typing import Annotated

from fastapi import APIRouter, Form
from pydantic import EmailStr

from ..schemas import ContactOut, ProfileForm

router = APIRouter(
    prefix="/forms",
    tags=["forms"],
    responses={
        # Starlette cannot parse the form body (a broken multipart one): FastAPI answers 400.
        400: {"description": "읽을 수 없는 폼 본문"},
        # The body size limit (middleware) covers these routes too.
        413: {"description": "요청 본문이 너무 큼"},
    },
)


@router.post("/contact", summary="문의하기 (Form 필드)")
def contact(
    name: Annotated[str, Form(min_length=1, max_length=50)],
    email: Annotated[EmailStr, Form()],
    message: Annotated[str, Form(min_length=1, max_length=1000)],
    subscribe: Annotated[bool, Form()] = False,
) -> ContactOut:
    """One ``Form()`` parameter per field, validated like query parameters."""
    return ContactOut(name=name, email=email, message=message, subscribe=subscribe)


@router.post("/profile", summary="프로필 (Form 모델)")
def profile(form: Annotated[ProfileForm, Form()]) -> ProfileForm:
    """All fields from one Pydantic model; ``extra="forbid"`` refuses unknown fields."""
    return form
