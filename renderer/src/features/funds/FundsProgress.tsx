import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { progressLines } from '../../../../shared/domain/funds';
import { messageOf } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { LoadState } from '../../components/LoadState';
import { t } from '../../i18n';

const text = t.funds;

/** 试点推进情况: the factors for the funding claim, to copy into the province's form. */
export function FundsProgress({ year }: { year: number }) {
  const { message } = App.useApp();
  const progress = useQuery('funds.progress', { year });
  const p = progress.data;
  const copy = async () => {
    if (!p) return;
    try {
      await navigator.clipboard.writeText(progressLines(p).join('\n'));
      message.success(text.progress.copied);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  };
  return (
    <Card
      size="small"
      title={text.progress.title(year)}
      extra={
        <Button size="small" icon={<CopyOutlined />} disabled={!p} onClick={() => void copy()}>
          {text.progress.copy}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <LoadState state={progress.state} error={progress.error} onRetry={progress.retry}>
        {p && (
          <>
            <Typography.Paragraph type="secondary">{text.progress.intro}</Typography.Paragraph>
            <ul data-testid="funds-progress" style={{ margin: 0, paddingLeft: 20 }}>
              {progressLines(p)
                .slice(1)
                .map((line) => (
                  <li key={line}>{line}</li>
                ))}
            </ul>
          </>
        )}
      </LoadState>
    </Card>
  );
}
