"""``/forms``: JSON이 아닌 HTML 폼 데이터(``application/x-www-form-urlencoded``)."""

from typing import Annotated

from fastapi import APIRouter, Form
from pydantic import EmailStr

from ..schemas import ContactOut, ProfileForm

router = APIRouter(
    prefix="/forms",
    tags=["forms"],
    responses={
        # 폼 본문(깨진 multipart)을 파싱하지 못하면 FastAPI가 400으로 답합니다.
        400: {"description": "읽을 수 없는 폼 본문"},
        # 본문 크기 한도(미들웨어)는 이 라우트에도 적용됩니다.
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
    """필드마다 ``Form()`` 매개변수 하나. 쿼리 파라미터처럼 검증합니다."""
    return ContactOut(name=name, email=email, message=message, subscribe=subscribe)


@router.post("/profile", summary="프로필 (Form 모델)")
def profile(form: Annotated[ProfileForm, Form()]) -> ProfileForm:
    """모든 필드를 Pydantic 모델 하나로 받습니다. ``extra="forbid"``가 모르는 필드를 거절합니다."""
    return form
