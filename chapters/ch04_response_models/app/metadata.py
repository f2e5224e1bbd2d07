"""자동 문서(/docs, /redoc)와 /openapi.json에 보이는 앱 정보."""

TITLE = "응답 모델과 상태 코드"
VERSION = "1.0.0"
DESCRIPTION = (
    "챕터 4: `response_model`로 응답을 걸러내고, 입력·출력·DB 모델을 나누며(비밀번호는 절대 "
    "응답에 나가지 않는다), 201/204 상태 코드와 응답 헤더·쿠키를 다룬다."
)

TAGS = [
    {
        "name": "catalog",
        "description": "response_model, response_model_exclude_unset, 목록과 dict 응답",
    },
    {"name": "vehicles", "description": "두 모델 중 하나를 돌려주는 Union 응답"},
    {
        "name": "users",
        "description": "입력/출력/DB 모델: 비밀번호는 해시로만 저장하고 돌려주지 않는다",
    },
    {
        "name": "headers-and-cookies",
        "description": "Response 매개변수와 직접 만든 응답의 헤더·쿠키",
    },
]
