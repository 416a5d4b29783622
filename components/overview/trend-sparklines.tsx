import Link from 'next/link';
import { PALETTE } from '@/components/charts/palette';
import { Card } from '@/components/ui/card';
import { type DayValue, lastAndChange, type OverviewTrends } from '@/lib/domain/overview-trends';
import { count, pct, shortDay, usd } from '@/lib/format';
import { Sparkline } from './sparkline';

const signed = (value: number, text: string) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${text}`;

function TrendRow({
  title,
  href,
  days,
  format,
  value,
  change,
  threshold,
  zeroBased,
  color,
  testId,
}: {
  title: string;
  href: string;
  days: readonly DayValue[];
  format: (value: number) => string;
  value: string;
  change: string;
  threshold?: number;
  zeroBased?: boolean;
  color?: string;
  testId: string;
}) {
  return (
    <li className="flex flex-col gap-2 py-3 sm:px-4 sm:py-0 sm:first:pl-0" data-testid={testId}>
      <Link href={href} className="text-sm font-medium hover:text-accent hover:underline">
        {title}
      </Link>
      <div className="flex items-end justify-between gap-3">
        <Sparkline
          label={`${title}: ${value}`}
          points={days.map((day) => ({
            label: shortDay(day.day),
            value: day.value,
            text: day.value === null ? 'no data' : format(day.value),
          }))}
          threshold={threshold}
          zeroBased={zeroBased}
          color={color}
        />
        <p className="text-right text-sm">
          <span className="font-semibold tabular text-ink" data-testid="trend-value">
            {value}
          </span>
          <span className="block text-xs text-muted tabular" data-testid="trend-change">
            {change}
          </span>
        </p>
      </div>
    </li>
  );
}

const uptimePct = (value: number) => pct(value, 2);

/** Spend against the budget, production uptime and deployments a day, each as a small line. */
export function TrendSparklines({ trends }: { trends: OverviewTrends }) {
  const cost = lastAndChange(trends.cost.days);
  const uptime = lastAndChange(trends.uptime.days);
  const deployments = lastAndChange(trends.deployments.days);
  return (
    <Card title="Trends" testId="overview-trends" className="lg:col-span-2">
      <ul className="grid divide-y divide-border sm:grid-cols-3 sm:divide-x sm:divide-y-0">
        <TrendRow
          title="Spend this month"
          href="/costs"
          days={trends.cost.days}
          format={(value) => usd(value)}
          value={`${usd(cost.last?.value ?? 0)} of ${usd(trends.cost.budgetUsd, { whole: true })}`}
          change={
            cost.change === null || !cost.last
              ? 'No spend yet this month'
              : `${signed(cost.change, usd(Math.abs(cost.change)))} on ${shortDay(cost.last.day)}`
          }
          threshold={trends.cost.budgetUsd}
          testId="trend-cost"
        />
        <TrendRow
          title="Production uptime, 7 days"
          href="/uptime"
          days={trends.uptime.days}
          format={uptimePct}
          value={uptime.last ? uptimePct(uptime.last.value!) : 'No checks'}
          change={
            uptime.change === null || !uptime.last
              ? `SLO ${trends.uptime.sloPct} %`
              : `${signed(uptime.change, `${Math.abs(uptime.change).toFixed(2)} pt`)} on ${shortDay(uptime.last.day)}`
          }
          threshold={trends.uptime.sloPct}
          zeroBased={false}
          color={PALETTE.green}
          testId="trend-uptime"
        />
        <TrendRow
          title={`Deployments a day, ${trends.deployments.days.length} days`}
          href="/deployments"
          days={trends.deployments.days}
          format={count}
          value={`${count(deployments.last?.value ?? 0)} today`}
          change={
            deployments.change === null
              ? 'None before today'
              : `${signed(deployments.change, count(Math.abs(deployments.change)))} on the day before`
          }
          color={PALETTE.purple}
          testId="trend-deployments"
        />
      </ul>
    </Card>
  );
}
