"""챕터 10을 교재만 보고 쓴 풀이: 1절의 `send_notification`과 4절 테스트가 부르는 `/items`.

아이템은 메모리(딕셔너리)에 둡니다. DB도, `get_db`도, 설정도 없습니다.
"""

import time

from fastapi import BackgroundTasks, FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


def send_email_notification(email: str, message: str):
    """이메일 발송 (시간이 오래 걸리는 작업)"""
    # 실제로는 SMTP 서버를 통해 이메일을 보냅니다
    time.sleep(0.01)  # 이메일 발송 시뮬레이션 (교재는 3초)
    print(f"이메일 발송 완료: {email}")


@app.post("/send-notification")
async def send_notification(
    email: str,
    background_tasks: BackgroundTasks,
):
    # 백그라운드 작업 등록
    background_tasks.add_task(send_email_notification, email, "환영합니다!")

    # 즉시 응답 반환 (이메일은 백그라운드에서 발송)
    return {"message": "알림이 요청되었습니다"}


class ItemCreate(BaseModel):
    name: str
    price: int


class ItemUpdate(BaseModel):
    name: str | None = None
    price: int | None = None


items: dict[int, dict] = {}
next_id = 1


@app.get("/items")
def read_items():
    return list(items.values())


@app.post("/items", status_code=201)
def create_item(item: ItemCreate):
    global next_id
    new_item = {"id": next_id, **item.model_dump()}
    items[next_id] = new_item
    next_id += 1
    return new_item


@app.get("/items/{item_id}")
def read_item(item_id: int):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="아이템을 찾을 수 없습니다")
    return items[item_id]


@app.put("/items/{item_id}")
def update_item(item_id: int, item: ItemCreate):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="아이템을 찾을 수 없습니다")
    items[item_id] = {"id": item_id, **item.model_dump()}
    return items[item_id]


@app.patch("/items/{item_id}")
def patch_item(item_id: int, item: ItemUpdate):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="아이템을 찾을 수 없습니다")
    items[item_id].update(item.model_dump(exclude_unset=True))
    return items[item_id]


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: int):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="아이템을 찾을 수 없습니다")
    del items[item_id]
