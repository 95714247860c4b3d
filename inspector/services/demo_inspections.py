"""Demo inspections: two completed visits with photos, so a new user can print a report at once.

Every id derives from the site's code and a fixed label (uuid5), so two
installations loaded with the demo agree on every record, and loading the
demo again changes nothing. Which criteria get which rating is chosen by
position in the site's checklist and by the *meaning* of the template's
rating options (best, partial, worst, not counted) — no criterion or rating
id is written here.
"""

from __future__ import annotations

import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from inspector.domain.templates import ChecklistTemplate, RatingOption
from inspector.domain.values import EventKind, InspectionStatus
from inspector.services import inspections, photo_image, templates
from inspector.services.context import AppContext
from inspector.services.demo_photos import demo_photo
from inspector.services.photo_store import PhotoStore
from inspector.services.sites import find_by_code
from inspector.storage.models import Inspection, InspectionEvent, Photo, Response

DEMO_NAMESPACE = uuid.UUID("0b6c1d2e-7f3a-5b4c-8d9e-1f2a3b4c5d6e")
CHINA_TIME = timedelta(hours=8)

PARTLY_NOTE = "基本落实，但相关台账资料不够完整，部分记录未及时归档，建议补充完善。"
NOT_MET_NOTE = "现场未见相关制度和记录材料，负责人表示尚未落实，需限期整改并报送整改情况。"


@dataclass(frozen=True)
class DemoPhoto:
    criterion_index: int | None  # position in the site's checklist; None: a general photo
    scene: str
    caption: str
    minutes: int  # after the start of the visit
    portrait: bool = False


@dataclass(frozen=True)
class DemoVisit:
    site_code: str
    label: str
    visit_date: date
    inspectors: str
    site_staff: str
    general_note: str
    partly: tuple[int, ...]  # criterion positions rated with the partial option
    not_met: tuple[int, ...]
    not_counted: tuple[int, ...]
    photos: tuple[DemoPhoto, ...]


VISITS = (
    DemoVisit(
        site_code="330799001001",
        label="demo-visit-2026-05",
        visit_date=date(2026, 5, 12),
        inspectors="王建国、李秀英",
        site_staff="刘卫东（站点负责人）",
        general_note="教学点场地整洁，活动开展较为正常。志愿者队伍和经费台账需进一步规范，"
                     "请于一个月内完成整改并报送整改情况。",
        partly=(2, 5),
        not_met=(8,),
        not_counted=(11,),
        photos=(
            DemoPhoto(None, "building", "教学点外景", 0),
            DemoPhoto(0, "classroom", "教学活动场所", 12),
            DemoPhoto(1, "library", "图书借阅角", 18, portrait=True),
            DemoPhoto(2, "noticeboard", "经费公示栏", 25),
            DemoPhoto(6, "activity", "居民学习活动现场", 40),
            DemoPhoto(8, "noticeboard", "制度上墙情况", 52),
        ),
    ),
    DemoVisit(
        site_code="330799001000",
        label="demo-visit-2026-06",
        visit_date=date(2026, 6, 3),
        inspectors="王建国、赵明",
        site_staff="周立军（校长）、陈晓燕",
        general_note="社区学校整体运行良好，课程资源较丰富。个别制度执行不到位，请对照清单逐项整改。",
        partly=(4,),
        not_met=(10, 15),
        not_counted=(),
        photos=(
            DemoPhoto(None, "building", "社区学校外景", 0),
            DemoPhoto(0, "classroom", "多功能教室", 10),
            DemoPhoto(0, "library", "图书阅览室", 14),
            DemoPhoto(4, "noticeboard", "师资公示", 30, portrait=True),
            DemoPhoto(10, "activity", "培训活动现场", 45),
            DemoPhoto(15, "noticeboard", "学习成果展示", 60),
        ),
    ),
)


@dataclass(frozen=True)
class DemoInspection:
    id: str
    site_code: str
    site_name: str
    visit_date: date
    photos: int


@dataclass(frozen=True)
class DemoInspectionsResult:
    added: tuple[DemoInspection, ...]
    unchanged: int


def demo_id(site_code: str, label: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{site_code}:{label}"))


def _options(template: ChecklistTemplate) -> tuple[RatingOption, RatingOption, RatingOption,
                                                   RatingOption | None]:
    counted = sorted((o for o in template.rating_scale if o.counted),
                     key=lambda o: o.score or 0.0)
    best, worst = counted[-1], counted[0]
    partial = next((o for o in counted if o is not best and o is not worst), worst)
    not_counted = next((o for o in template.rating_scale if not o.counted), None)
    return best, partial, worst, not_counted


def add_demo_visit(session: Session, store: PhotoStore, visit: DemoVisit, work: Path
               ) -> DemoInspection | None:
    inspection_id = demo_id(visit.site_code, visit.label)
    if session.get(Inspection, inspection_id) is not None:
        return None
    site = find_by_code(session, visit.site_code)
    if site is None:  # the demo county is not loaded
        return None
    version = templates.latest_version(session)
    template = templates.template_of(version)
    criteria = template.criteria(site.tier)
    start = datetime.combine(visit.visit_date, datetime.min.time()) + timedelta(hours=9)
    completed_at = (start + timedelta(hours=2) - CHINA_TIME).replace(tzinfo=UTC)
    inspection = Inspection(
        id=inspection_id, site_id=site.id, template_version_id=version.id, tier=site.tier,
        visit_date=visit.visit_date, inspectors=visit.inspectors, site_staff=visit.site_staff,
        general_note=visit.general_note,
    )
    session.add(inspection)
    session.flush()
    best, partial, worst, not_counted = _options(template)
    for index, criterion in enumerate(criteria):
        option, note = best, ""
        if index in visit.partly:
            option, note = partial, PARTLY_NOTE
        elif index in visit.not_met:
            option, note = worst, NOT_MET_NOTE
        elif index in visit.not_counted and not_counted is not None:
            option, note = not_counted, "该项目在本站点不适用。"
        session.add(Response(id=str(uuid.uuid5(DEMO_NAMESPACE, f"{inspection_id}:{criterion.id}")),
                             inspection_id=inspection_id, criterion_id=criterion.id,
                             rating=option.id, note=note))
    positions: dict[str | None, int] = {}
    for number, spec in enumerate(visit.photos):
        criterion_id = criteria[spec.criterion_index].id if spec.criterion_index is not None \
            else None
        taken = start + timedelta(minutes=spec.minutes)
        source = work / f"{visit.label}-{number + 1:02d}.jpg"
        source.write_bytes(demo_photo(spec.scene, f"{inspection_id}:{number}", taken,
                                      portrait=spec.portrait))
        received = store.receive(source)
        stored = store.keep(received, "jpg")
        facts = photo_image.probe(stored)
        position = positions.get(criterion_id, 0)
        positions[criterion_id] = position + 1
        session.add(Photo(
            id=str(uuid.uuid5(DEMO_NAMESPACE, f"{inspection_id}:photo:{number}")),
            inspection_id=inspection_id, criterion_id=criterion_id, sha256=received.sha256,
            original_name=source.name, media_type=facts.media_type,
            size_bytes=received.size_bytes, width=facts.width, height=facts.height,
            taken_at=facts.taken_at,
            caption=spec.caption, position=position,
        ))
    session.flush()
    problems = inspections.load_state(session, inspection_id).problems()
    if problems:
        raise inspections.InspectionError(f"demo visit {visit.label} is incomplete: {problems}")
    inspection.status = InspectionStatus.COMPLETED
    inspection.completed_at = completed_at
    session.add(inspection)
    session.add(InspectionEvent(id=str(uuid.uuid5(DEMO_NAMESPACE, f"{inspection_id}:completed")),
                                inspection_id=inspection_id, kind=EventKind.COMPLETED,
                                actor=visit.inspectors.split("、")[0], at=completed_at))
    session.flush()
    return DemoInspection(inspection_id, visit.site_code, site.name, visit.visit_date,
                          len(visit.photos))


def load_demo_inspections(context: AppContext) -> DemoInspectionsResult:
    """Add the demo's completed inspections (with photos) that are not there yet."""
    store = PhotoStore.for_paths(context.paths)
    added: list[DemoInspection] = []
    unchanged = 0
    with tempfile.TemporaryDirectory(prefix="inspector-demo-") as folder:
        for visit in VISITS:
            with context.db.transaction() as session:
                result = add_demo_visit(session, store, visit, Path(folder))
            if result is None:
                unchanged += 1
            else:
                added.append(result)
    return DemoInspectionsResult(tuple(added), unchanged)
