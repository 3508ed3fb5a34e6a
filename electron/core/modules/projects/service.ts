import { afterTodayProblem, formatChineseDate } from '../../../../shared/domain/dates';
import { commitmentLabels, commitments } from '../../../../shared/domain/implementationPlan';
import {
  canTransition,
  projectStatusLabels,
  type ProjectStatus,
} from '../../../../shared/domain/projectStatus';
import type { Project } from '../../../../shared/contract/projects';
import { isOnRecord } from '../../../../shared/domain/projectRevisions';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import { CoreError, refuseField } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { deleteUnusedBlobFiles, removeLinksOf } from '../attachments/storedContent';
import { entryCountOfProject } from '../funds/repository';
import { checkReferences, ensureUniqueYear } from './references';
import {
  addStatusHistory,
  deleteProject,
  insertProject,
  listProjects,
  loadProject,
  projectChecks,
  setProjectStatus,
  verdictsOf,
  writeProjectData,
} from './repository';
import { keepVersion, projectRecord } from './revisions';
import { dataCentreDownload } from '../../io/dataCentre';
import { coursesSheet } from './dataCentre';

type ProjectHandlerName =
  | 'projects.list'
  | 'projects.get'
  | 'projects.create'
  | 'projects.update'
  | 'projects.setStatus'
  | 'projects.copyToYear'
  | 'projects.delete'
  | 'projects.selfCheckAll'
  | 'projects.coursesSheet';

/** Projects that are on record with the province cannot be deleted, only revoked. */
const deletable: readonly ProjectStatus[] = ['draft', 'rejected'];

export function projectHandlers(ctx: CoreContext): HandlersFor<ProjectHandlerName> {
  const { db } = ctx;

  const mustLoad = (id: number): Project => {
    const project = loadProject(db, id);
    if (!project) throw new CoreError('NOT_FOUND', `试点项目（编号 ${id}）不存在，可能已被删除。`);
    return project;
  };

  const addHistory = (
    id: number,
    from: ProjectStatus | null,
    to: ProjectStatus,
    note: string,
    at: string,
  ) => addStatusHistory(db, id, from, to, note, at);

  // Every entry holds the project in words (as its versions do) and its status, so a draft's
  // edits and a status change read alike in the audit history.
  const audit = auditLog(db, 'pilot_project', (p: Project & { copiedFrom?: number }) => ({
    ...projectRecord(db, p),
    status: p.status,
    revokeReason: p.revokeReason,
    confirmationDocument: p.confirmationDocument,
    confirmationDate: p.confirmationDate,
    ...(p.copiedFrom === undefined ? {} : { copiedFrom: p.copiedFrom }),
  }));

  return {
    'projects.list': () => listProjects(db),

    'projects.get': ({ id }) => mustLoad(id),

    'projects.create': (data) =>
      db.transaction(() => {
        checkReferences(db, data, true);
        ensureUniqueYear(db, data, null);
        const at = ctx.now();
        const id = insertProject(db, data.certificateId, data.year, at);
        writeProjectData(db, id, data, at);
        addHistory(id, null, 'draft', '新建', at);
        const project = mustLoad(id);
        audit(auditStamp(ctx, at), id, 'create', null, project);
        return project;
      })(),

    'projects.update': ({ id, data }) =>
      db.transaction(() => {
        const before = mustLoad(id);
        if (before.status === 'revoked') {
          throw new CoreError('CONFLICT', '该试点项目已被取消资格，不能再修改。');
        }
        checkReferences(db, data, data.certificateId !== before.certificateId);
        ensureUniqueYear(db, data, id);
        const at = ctx.now();
        writeProjectData(db, id, data, at);
        const after = mustLoad(id);
        audit(auditStamp(ctx, at), id, 'update', before, after);
        // The province holds the submitted version: the edit is kept beside it, not over it.
        if (!isOnRecord(before.status)) return after;
        keepVersion(db, after, 'revision', auditStamp(ctx, at));
        return mustLoad(id);
      })(),

    'projects.setStatus': (change) =>
      db.transaction(() => {
        const before = mustLoad(change.id);
        if (!canTransition(before.status, change.status)) {
          throw new CoreError(
            'CONFLICT',
            `试点项目状态不能从“${projectStatusLabels[before.status]}”改为“${projectStatusLabels[change.status]}”。`,
          );
        }
        if (change.status === 'confirmed') {
          const future = afterTodayProblem('确认日期', change.confirmationDate, ctx.today());
          refuseField('confirmationDate', future);
        }
        if (change.status === 'submitted') {
          const missing = commitments.filter((c) => !before.commitments[c]);
          if (missing.length > 0) {
            throw new CoreError(
              'VALIDATION',
              `申报前须勾选全部承诺事项，尚未勾选：${missing.map((c) => commitmentLabels[c]).join('；')}。`,
              {
                fields: missing.map((c) => ({ path: `commitments.${c}`, message: '请勾选此承诺' })),
              },
            );
          }
          const { verdicts, selfCheck } = verdictsOf(db, change.id);
          if (selfCheck.level === 'fail' && !change.acceptFailures) {
            throw new CoreError(
              'NEEDS_CONFIRMATION',
              `资格自查有 ${selfCheck.fail} 项不符合申报条件，确定仍要标记为已申报吗？`,
              { verdicts: verdicts.filter((v) => v.level === 'fail') },
            );
          }
        }
        const at = ctx.now();
        setProjectStatus(db, change.id, {
          status: change.status,
          revokeReason: change.status === 'revoked' ? change.reason : '',
          confirmationDocument:
            change.status === 'confirmed'
              ? change.confirmationDocument
              : before.confirmationDocument,
          confirmationDate:
            change.status === 'confirmed' ? change.confirmationDate : before.confirmationDate,
          at,
        });
        const note =
          change.status === 'confirmed'
            ? `${change.confirmationDocument}（${formatChineseDate(change.confirmationDate)}）`
            : change.reason;
        addHistory(change.id, before.status, change.status, note, at);
        if (change.status === 'submitted') {
          keepVersion(db, mustLoad(change.id), 'submitted', auditStamp(ctx, at));
        }
        const after = mustLoad(change.id);
        audit(auditStamp(ctx, at), change.id, 'update', before, after);
        return after;
      })(),

    'projects.copyToYear': ({ id, year }) =>
      db.transaction(() => {
        const source = mustLoad(id);
        const data = {
          certificateId: source.certificateId,
          year,
          levels: source.levels,
          majorIds: source.majorIds,
          teacherIds: source.teacherIds,
          roomIds: source.roomIds,
          siteIds: source.siteIds,
          // Planned numbers move with the project: each year shifts by the same distance.
          plannedStudents: source.plannedStudents.map((p) => ({
            ...p,
            year: p.year + (year - source.year),
          })),
          hardwareChecks: source.hardwareChecks,
          courses: source.courses,
          plan: source.plan,
          commitments: source.commitments,
        };
        checkReferences(db, data, true);
        ensureUniqueYear(db, data, null);
        const at = ctx.now();
        const newId = insertProject(db, data.certificateId, year, at);
        writeProjectData(db, newId, data, at);
        addHistory(newId, null, 'draft', `由 ${source.year} 年度项目复制`, at);
        const project = mustLoad(newId);
        audit(auditStamp(ctx, at), newId, 'create', null, { ...project, copiedFrom: id });
        return project;
      })(),

    'projects.delete': ({ id }) => {
      const released = db.transaction(() => {
        const before = mustLoad(id);
        if (!deletable.includes(before.status)) {
          throw new CoreError(
            'CONFLICT',
            `“${projectStatusLabels[before.status]}”的试点项目是申报记录，不能删除；如需退出试点，请将状态改为“取消资格”。`,
          );
        }
        const funds = entryCountOfProject(db, id);
        if (funds > 0) {
          throw new CoreError(
            'CONFLICT',
            `这个试点项目已登记 ${funds} 条经费收支记录，不能删除；请先删除这些记录或把它们改到其他项目。`,
          );
        }
        const at = ctx.now();
        const { releasedBlobs } = removeLinksOf(db, 'project', id, auditStamp(ctx, at));
        deleteProject(db, id);
        audit(auditStamp(ctx, at), id, 'delete', before, null);
        return releasedBlobs;
      })();
      deleteUnusedBlobFiles(db, released);
      return { id };
    },

    'projects.selfCheckAll': () => projectChecks(db),
    'projects.coursesSheet': async ({ skipIncomplete }) =>
      dataCentreDownload(await coursesSheet(db, ctx.clock(), skipIncomplete)),
  };
}
