import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Project } from '../../../../shared/contract/projects';
import {
  projectStatusLabels,
  projectTransitions,
  type ProjectStatus,
} from '../../../../shared/domain/projectStatus';
import { messageOf, PilotError } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { DateInput, dateField } from '../../components/DateInput';
import { formatDate, formatDateTime } from '../../components/format';
import { ProjectStatusTag } from '../../components/ProjectStatusTag';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { VerdictList } from '../../components/VerdictList';
import { t } from '../../i18n';
import { sectionId } from './sections';

interface Props {
  project: Project;
  /** Status changes wait until the form's edits are saved. */
  dirty: boolean;
}

interface ChangeForm {
  reason?: string;
  confirmationDocument?: string;
  confirmationDate?: string | null;
}

/** The application's status: where it stands, its history, and the moves allowed from here. */
export function StatusPanel({ project, dirty }: Props) {
  const { message, modal } = App.useApp();
  const [target, setTarget] = useState<ProjectStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ChangeForm>();
  // Edits in the status dialog (the project form's own edits are `dirty`).
  const [typed, setTyped] = useState(false);
  const guard = useUnsavedGuard(typed);
  const close = () => {
    setTarget(null);
    setTyped(false);
  };

  const send = async (status: ProjectStatus, values: ChangeForm, acceptFailures = false) => {
    setBusy(true);
    try {
      await mutate('projects.setStatus', {
        id: project.id,
        status,
        reason: values.reason ?? '',
        confirmationDocument: values.confirmationDocument ?? '',
        confirmationDate: values.confirmationDate ?? '',
        acceptFailures,
      });
      message.success(t.projects.status.changed(projectStatusLabels[status]));
      close();
      form.resetFields();
    } catch (error) {
      if (error instanceof PilotError && error.shape.code === 'NEEDS_CONFIRMATION') {
        const verdicts = error.shape.details?.verdicts ?? [];
        modal.confirm({
          title: t.projects.status.confirmSubmitTitle,
          width: 560,
          content: (
            <>
              <Typography.Paragraph>{error.message}</Typography.Paragraph>
              <VerdictList verdicts={verdicts} />
            </>
          ),
          okText: t.projects.status.confirmSubmitOk,
          cancelText: t.common.cancel,
          onOk: () => send(status, values, true),
        });
      } else {
        const fields = error instanceof PilotError ? error.shape.details?.fields : undefined;
        if (fields?.length) {
          form.setFields(
            fields.map((f) => ({ name: f.path as keyof ChangeForm, errors: [f.message] })),
          );
        }
        message.error(messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const needsForm = (status: ProjectStatus) => status !== 'submitted';

  return (
    <Card title={t.projects.sections.status} size="small" id={sectionId('status')}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t.projects.status.current}>
          <ProjectStatusTag status={project.status} />
        </Descriptions.Item>
        {project.confirmationDocument && (
          <Descriptions.Item label={t.projects.status.documentLabel}>
            {project.confirmationDocument}（{formatDate(project.confirmationDate)}）
          </Descriptions.Item>
        )}
        {project.status === 'revoked' && (
          <Descriptions.Item label={t.projects.status.reasonLabel}>
            {project.revokeReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap style={{ margin: '8px 0 16px' }}>
        {projectTransitions[project.status].map((status) => (
          <Button
            key={status}
            danger={status === 'revoked'}
            type={status === 'submitted' || status === 'confirmed' ? 'primary' : 'default'}
            disabled={dirty || busy}
            title={dirty ? t.projects.status.saveBeforeStatus : undefined}
            onClick={() => (needsForm(status) ? setTarget(status) : void send(status, {}))}
          >
            {t.projects.status.to[status]}
          </Button>
        ))}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t.projects.status.history}
      </Typography.Title>
      <Timeline
        style={{ marginTop: 12 }}
        items={project.history.map((h) => ({
          children: (
            <>
              <ProjectStatusTag status={h.to} /> {formatDateTime(h.at)}
              {h.note && <Typography.Text type="secondary"> · {h.note}</Typography.Text>}
            </>
          ),
        }))}
      />
      <Modal
        open={target !== null}
        title={target ? t.projects.status.to[target] : ''}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        confirmLoading={busy}
        onCancel={() => guard(close)}
        onOk={() => target && void form.validateFields().then((values) => send(target, values))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onValuesChange={() => setTyped(true)}>
          {target === 'confirmed' && (
            <>
              <Form.Item
                name="confirmationDocument"
                label={t.projects.status.documentLabel}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t.projects.status.documentPlaceholder,
                  },
                ]}
              >
                <Input id="status-document" placeholder={t.projects.status.documentPlaceholder} />
              </Form.Item>
              <Form.Item
                name="confirmationDate"
                label={t.projects.status.dateLabel}
                {...dateField({ required: true, message: t.projects.status.dateLabel })}
              >
                <DateInput id="status-date" />
              </Form.Item>
            </>
          )}
          {target === 'revoked' && (
            <Form.Item
              name="reason"
              label={t.projects.status.reasonLabel}
              rules={[
                { required: true, whitespace: true, message: t.projects.status.reasonPlaceholder },
              ]}
            >
              <Input.TextArea
                id="status-reason"
                rows={3}
                placeholder={t.projects.status.reasonPlaceholder}
              />
            </Form.Item>
          )}
          {(target === 'rejected' || target === 'draft') && (
            <Form.Item name="reason" label={t.projects.status.noteLabel}>
              <Input.TextArea id="status-reason" rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
