"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionMessage } from "@/components/ui/use-action-message";
import { updateEmailScheduleAction } from "@/lib/actions/notifications";
import type { DeliveryDto } from "@/lib/data/notifications";

import { actionErrorKey } from "./error-text";

// Offered in the time zone box; any IANA zone may be typed.
const COMMON_ZONES = [
  "Asia/Taipei",
  "UTC",
  "Europe/London",
  "America/New_York",
  "Asia/Tokyo",
  "Asia/Singapore",
  "Asia/Hong_Kong",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Europe/Berlin",
  "Europe/Paris",
  "America/Chicago",
  "America/Los_Angeles",
];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** "7, 2" → [7, 2]; null when any part is not a whole number (the server checks the range). */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  return parts.map(Number);
}

type FieldName = "timeZone" | "reminderDays";

/** The email schedule: time zone, reminder days before a cycle closes, the digest's weekday and the hour. */
export function EmailScheduleForm({ schedule }: { schedule: DeliveryDto["schedule"] }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, setMessage, show } = useActionMessage();
  const [timeZone, setTimeZone] = useState(schedule.timeZone);
  const [days, setDays] = useState(schedule.reminderDays.join(", "));
  const [weekday, setWeekday] = useState(schedule.digestWeekday);
  const [hour, setHour] = useState(schedule.hour);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});

  const fieldError = (field: FieldName) => t(field === "timeZone" ? "schedule.badTimeZone" : "schedule.badDays");

  const save = () => {
    const reminderDays = parseDays(days);
    if (!reminderDays) {
      setErrors({ reminderDays: fieldError("reminderDays") });
      setMessage({ ok: false, text: t("schedule.notSaved") });
      return;
    }
    start(async () => {
      const r = await updateEmailScheduleAction({
        timeZone: timeZone.trim(),
        reminderDays,
        digestWeekday: weekday,
        hour,
      });
      const keys = Object.keys((!r.ok && r.fieldErrors) || {});
      const failed: Partial<Record<FieldName, string>> = {};
      if (keys.some((k) => k === "timeZone")) failed.timeZone = fieldError("timeZone");
      if (keys.some((k) => k.startsWith("reminderDays"))) failed.reminderDays = fieldError("reminderDays");
      setErrors(failed);
      show(r, t("schedule.saved"), (f) =>
        Object.keys(failed).length > 0 ? t("schedule.notSaved") : t(`error.${actionErrorKey(f.code)}`),
      );
      if (r.ok) router.refresh();
    });
  };

  return (
    <form
      className="space-y-3"
      aria-label={t("schedule.title")}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label={t("schedule.timeZone")}
          hint={t("schedule.timeZoneHint")}
          error={errors.timeZone}
          className="w-64"
        >
          <Input
            className="w-full"
            list="email-time-zones"
            value={timeZone}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTimeZone(e.target.value)}
          />
        </Field>
        <datalist id="email-time-zones">
          {COMMON_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <Field
          label={t("schedule.reminderDays")}
          hint={t("schedule.reminderDaysHint")}
          error={errors.reminderDays}
          className="w-64"
        >
          <Input className="w-full" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
        <Field label={t("schedule.digestWeekday")}>
          <Select value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {t(`weekday.${d}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("schedule.hour")}>
          <Select value={hour} onChange={(e) => setHour(Number(e.target.value))}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {`${String(h).padStart(2, "0")}:00`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("schedule.save")}
        </Button>
        <FormStatus message={message} as="span" />
      </div>
    </form>
  );
}
