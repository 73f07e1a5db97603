/* nrem-participant-detail.c
 *
 * Text fields are written together, 400 ms after the last keystroke or when one of them
 * loses the focus; choices (role, country, mechanism, attendance) are written at once. Each
 * write is one nrem_store_update() (or one attendance), that is one transaction. The store's
 * "changed" reloads the list, whose item then brings the values back here; a field with an
 * edit still waiting keeps what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-participant-detail.h"
#include "nrem-mechanism-picker.h"
#include "nrem-participant-check.h"
#include "nrem-participants-models.h"
#include "nrem-store-participants.h"

#include <glib/gi18n.h>
#include <string.h>

typedef enum
{
  FIELD_NAME,
  FIELD_HONORIFIC,
  FIELD_POSITION,
  FIELD_ORGANISATION,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_LANGUAGES,
  FIELD_NOTES,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "name", "honorific", "position", "organisation", "email", "phone", "languages", "notes",
};

#define FIELD_BIT(i) (1u << (i))

typedef struct
{
  char        *meeting;
  AdwComboRow *status_row;
  AdwActionRow *head_row;
  GtkSwitch   *head_switch;
} MeetingRows;

struct _NremParticipantDetail
{
  GtkWidget            parent_instance;

  NremSession         *session;
  NremParticipantList *list;
  NremParticipantItem *item;
  char                *uuid;           /* whose edits are waiting */
  GListModel          *countries;
  GtkStringList       *roles;
  GPtrArray           *meeting_rows;   /* MeetingRows */
  char                *duplicate;      /* uuid of a person with the same name and country */

  /* template widgets */
  GtkScrolledWindow   *scroller;
  GtkLabel            *heading_label;
  GtkLabel            *summary_label;
  GtkRevealer         *duplicate_revealer;
  GtkLabel            *duplicate_label;
  GtkButton           *duplicate_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *honorific_row;
  AdwEntryRow         *position_row;
  AdwEntryRow         *organisation_row;
  AdwComboRow         *role_row;
  AdwActionRow        *country_row;
  GtkDropDown         *country_dropdown;
  AdwActionRow        *mechanism_row;
  GtkButton           *clear_mechanism_button;
  GtkMenuButton       *mechanism_button;
  NremMechanismPicker *mechanism_picker;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *languages_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *meetings_group;
  GtkButton           *delete_button;

  GtkWidget           *editors[N_FIELDS];
  GtkLabel            *hints[N_FIELDS];
  guint                dirty;
  guint                invalid;
  guint                save_source;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (NremParticipantDetail, nrem_participant_detail, GTK_TYPE_WIDGET)

enum {
  SHOW_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark field_quark;

static void load_fields (NremParticipantDetail *self);

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static NremStore *
get_store (NremParticipantDetail *self)
{
  return self->session != NULL ? nrem_session_get_store (self->session) : NULL;
}

static void
toast (NremParticipantDetail *self,
       const char            *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      AdwToast *t = adw_toast_new (message);

      adw_toast_set_timeout (t, 8);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
    }
  else
    g_warning ("%s", message);
}

static char *
get_text (NremParticipantDetail *self,
          Field                  i)
{
  GtkWidget *editor = self->editors[i];

  if (GTK_IS_TEXT_VIEW (editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
}

static void
set_text (NremParticipantDetail *self,
          Field                  i,
          const char            *text)
{
  GtkWidget *editor = self->editors[i];
  g_autofree char *current = get_text (self, i);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (current, text) == 0)
    return;
  self->loading = TRUE;
  if (GTK_IS_TEXT_VIEW (editor))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (editor), text);
  self->loading = FALSE;
}

static Field
field_from_name (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], name) == 0)
      return i;
  return N_FIELDS;
}

/* Returns: (nullable): what is wrong with the text of field @i */
static char *
check_field (NremParticipantDetail *self,
             Field                  i)
{
  g_autofree char *text = get_text (self, i);

  switch (i)
    {
    case FIELD_NAME:
      g_strstrip (text);
      return text[0] == '\0' ? g_strdup (_("A person needs a name")) : NULL;
    case FIELD_EMAIL:
      return nrem_participant_check_email (text);
    case FIELD_PHONE:
      return nrem_participant_check_phone (text);
    case FIELD_HONORIFIC:
    case FIELD_POSITION:
    case FIELD_ORGANISATION:
    case FIELD_LANGUAGES:
    case FIELD_NOTES:
    case N_FIELDS:
    default:
      return NULL;
    }
}

/* What assistive technologies talk to: the text inside an entry row, which has the focus. */
static GtkAccessible *
editor_accessible (GtkWidget *editor)
{
  if (ADW_IS_ENTRY_ROW (editor))
    return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (editor)));
  return GTK_ACCESSIBLE (editor);
}

static void
show_validity (NremParticipantDetail *self,
               Field                  i,
               const char            *problem)
{
  GtkWidget *editor = self->editors[i];
  GtkAccessible *accessible = editor_accessible (editor);

  if (problem != NULL)
    {
      gtk_widget_add_css_class (editor, "error");
      gtk_widget_set_tooltip_text (editor, problem);
      gtk_accessible_update_state (accessible,
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
      self->invalid |= FIELD_BIT (i);
    }
  else
    {
      gtk_widget_remove_css_class (editor, "error");
      gtk_widget_set_tooltip_text (editor, NULL);
      gtk_accessible_reset_state (accessible, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->invalid &= ~FIELD_BIT (i);
    }
  if (self->hints[i] != NULL)
    {
      gtk_label_set_label (self->hints[i], problem != NULL ? problem : "");
      gtk_widget_set_visible (GTK_WIDGET (self->hints[i]), problem != NULL);
    }
}

static void
check_all (NremParticipantDetail *self)
{
  static const Field checked[] = { FIELD_NAME, FIELD_EMAIL, FIELD_PHONE };

  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      g_autofree char *problem = check_field (self, checked[i]);

      show_validity (self, checked[i], problem);
    }
}

/* ------------------------------------------------------------------------------------------
 * The hint of a person with the same name
 */

static void
update_duplicate (NremParticipantDetail *self)
{
  g_autoptr(GPtrArray) same = NULL;
  g_autofree char *name = NULL;
  const char *country = NULL;
  guint position = gtk_drop_down_get_selected (self->country_dropdown);

  g_clear_pointer (&self->duplicate, g_free);
  if (self->item == NULL || self->list == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->duplicate_revealer), FALSE);
      gtk_revealer_set_reveal_child (self->duplicate_revealer, FALSE);
      return;
    }
  name = get_text (self, FIELD_NAME);
  if (self->countries != NULL && position != GTK_INVALID_LIST_POSITION)
    country = nrem_participants_country_code_at (self->countries, position);
  same = nrem_participant_list_find_same (self->list, name, country, self->uuid);
  if (same->len > 0)
    {
      NremParticipantItem *other = g_ptr_array_index (same, 0);
      const char *country_name = nrem_participant_item_get_country_name (other);
      g_autofree char *text = country_name != NULL
        ? g_strdup_printf (_("%s from %s is already in the directory. Is it the same person?"),
                           nrem_participant_item_get_name (other), country_name)
        : g_strdup_printf (_("%s is already in the directory. Is it the same person?"),
                           nrem_participant_item_get_name (other));

      self->duplicate = g_strdup (nrem_participant_item_get_uuid (other));
      gtk_label_set_label (self->duplicate_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_revealer), self->duplicate != NULL);
  gtk_revealer_set_reveal_child (self->duplicate_revealer, self->duplicate != NULL);
}

/* ------------------------------------------------------------------------------------------
 * Saving
 */

static void
save_pending (NremParticipantDetail *self)
{
  const char *fields[N_FIELDS + 1];
  char *values[N_FIELDS + 1];
  g_autoptr(GError) error = NULL;
  NremStore *store = get_store (self);
  guint n = 0;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->dirty == 0 || self->uuid == NULL || store == NULL)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *problem = NULL;

      if (!(self->dirty & FIELD_BIT (i)))
        continue;
      /* an empty name waits, marked, until there is one; e-mail and phone are kept as typed */
      if (i == FIELD_NAME && (problem = check_field (self, i)) != NULL)
        continue;
      fields[n] = field_names[i];
      values[n] = get_text (self, i);
      if (i != FIELD_NOTES)
        g_strstrip (values[n]);
      n++;
    }
  fields[n] = NULL;
  values[n] = NULL;
  if (n == 0)
    return;

  if (!nrem_store_update (store, NREM_ENTITY_PARTICIPANT, self->uuid, fields,
                          (const char * const *) values, &error))
    {
      /* what was typed stays in the fields, marked as waiting */
      g_autofree char *message = g_strdup_printf (_("Cannot save: %s"), error->message);

      toast (self, message);
    }
  else
    for (guint i = 0; i < n; i++)
      self->dirty &= ~FIELD_BIT (field_from_name (fields[i]));
  for (guint i = 0; i < n; i++)
    g_free (values[i]);
}

static gboolean
save_cb (gpointer user_data)
{
  NremParticipantDetail *self = user_data;

  self->save_source = 0;
  save_pending (self);
  return G_SOURCE_REMOVE;
}

static void
on_editor_changed_cb (NremParticipantDetail *self,
                      GObject               *source)
{
  Field i = GPOINTER_TO_UINT (g_object_get_qdata (source, field_quark));
  g_autofree char *problem = NULL;

  if (self->loading || self->item == NULL)
    return;

  self->dirty |= FIELD_BIT (i);
  problem = check_field (self, i);
  show_validity (self, i, problem);
  if (i == FIELD_NAME)
    {
      g_autofree char *name = get_text (self, FIELD_NAME);

      gtk_label_set_label (self->heading_label, name);
      update_duplicate (self);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (NREM_PARTICIPANT_DETAIL_SAVE_DELAY_MS, save_cb, self);
}

static void
on_focus_leave_cb (NremParticipantDetail *self)
{
  save_pending (self);
}

static gboolean
update_fields (NremParticipantDetail *self,
               const char            *field,
               const char            *value)
{
  const char *fields[] = { field, NULL };
  const char *values[] = { value, NULL };
  g_autoptr(GError) error = NULL;

  if (self->uuid == NULL || get_store (self) == NULL)
    return FALSE;
  save_pending (self);
  if (!nrem_store_update (get_store (self), NREM_ENTITY_PARTICIPANT, self->uuid, fields, values,
                          &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save: %s"), error->message);

      toast (self, message);
      return FALSE;
    }
  return TRUE;
}

static void
on_role_selected_cb (NremParticipantDetail *self)
{
  guint position = adw_combo_row_get_selected (self->role_row);

  if (self->loading || self->item == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  update_fields (self, "role", position == 0 ? NULL : nrem_participant_roles[position - 1]);
}

static void
on_country_selected_cb (NremParticipantDetail *self)
{
  guint position = gtk_drop_down_get_selected (self->country_dropdown);

  if (self->loading || self->item == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  update_fields (self, "country", nrem_participants_country_code_at (self->countries, position));
  update_duplicate (self);
}

static void
on_clear_mechanism_cb (NremParticipantDetail *self)
{
  if (self->item != NULL)
    update_fields (self, "mechanism", NULL);
}

static void
on_duplicate_show_cb (NremParticipantDetail *self)
{
  g_autofree char *uuid = g_strdup (self->duplicate);

  if (uuid != NULL)
    g_signal_emit (self, signals[SHOW_PERSON], 0, uuid);
}

/* ------------------------------------------------------------------------------------------
 * Attendance at each meeting
 */

static void
meeting_rows_free (MeetingRows *rows)
{
  g_free (rows->meeting);
  g_free (rows);
}

static const char *
status_at (guint position)
{
  return position > 0 && position <= 4 ? nrem_attendance_statuses[position - 1] : NULL;
}

static void
write_attendance (NremParticipantDetail *self,
                  MeetingRows           *rows)
{
  g_autoptr(GError) error = NULL;
  const char *status = status_at (adw_combo_row_get_selected (rows->status_row));

  if (self->uuid == NULL || get_store (self) == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (rows->head_row), status != NULL);
  if (!nrem_store_set_attendance (get_store (self), self->uuid, rows->meeting, status,
                                  status != NULL && gtk_switch_get_active (rows->head_switch), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save: %s"), error->message);

      toast (self, message);
    }
}

static void
on_status_selected_cb (AdwComboRow           *row,
                       GParamSpec            *pspec,
                       NremParticipantDetail *self)
{
  if (self->loading || self->item == NULL)
    return;
  write_attendance (self, g_object_get_data (G_OBJECT (row), "nrem-meeting-rows"));
}

static void
on_head_active_cb (GtkSwitch             *toggle,
                   GParamSpec            *pspec,
                   NremParticipantDetail *self)
{
  if (self->loading || self->item == NULL)
    return;
  write_attendance (self, g_object_get_data (G_OBJECT (toggle), "nrem-meeting-rows"));
}

static void
load_attendance (NremParticipantDetail *self)
{
  self->loading = TRUE;
  for (guint i = 0; self->meeting_rows != NULL && i < self->meeting_rows->len; i++)
    {
      MeetingRows *rows = g_ptr_array_index (self->meeting_rows, i);
      const char *status = NULL;
      gboolean head = FALSE;
      guint position = 0;

      if (self->item != NULL)
        nrem_participant_item_get_attendance (self->item, rows->meeting, &status, &head);
      for (guint s = 0; status != NULL && nrem_attendance_statuses[s] != NULL; s++)
        if (g_strcmp0 (nrem_attendance_statuses[s], status) == 0)
          position = s + 1;
      if (adw_combo_row_get_selected (rows->status_row) != position)
        adw_combo_row_set_selected (rows->status_row, position);
      if (gtk_switch_get_active (rows->head_switch) != head)
        gtk_switch_set_active (rows->head_switch, head);
      gtk_widget_set_visible (GTK_WIDGET (rows->head_row), position > 0);
    }
  self->loading = FALSE;
}

static void
rebuild_meetings (NremParticipantDetail *self)
{
  GListModel *meetings;
  guint n;

  if (self->meeting_rows != NULL)
    for (guint i = 0; i < self->meeting_rows->len; i++)
      {
        MeetingRows *rows = g_ptr_array_index (self->meeting_rows, i);

        adw_preferences_group_remove (self->meetings_group, GTK_WIDGET (rows->status_row));
        adw_preferences_group_remove (self->meetings_group, GTK_WIDGET (rows->head_row));
      }
  g_clear_pointer (&self->meeting_rows, g_ptr_array_unref);
  self->meeting_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) meeting_rows_free);
  if (self->session == NULL)
    return;

  meetings = nrem_session_get_meetings (self->session);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremMeeting) meeting = g_list_model_get_item (meetings, i);
      NremRecord *record = NREM_RECORD (meeting);
      const char *short_title = nrem_record_get_string (record, "short_title");
      const char *title = short_title != NULL ? short_title : nrem_record_get_string (record, "title");
      g_autofree char *dates = nrem_meeting_dup_dates_label (meeting);
      g_autofree char *head_label = g_strdup_printf (_("Head of delegation at %s"), title);
      MeetingRows *rows = g_new0 (MeetingRows, 1);
      g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

      gtk_string_list_append (statuses, _("Not invited"));
      for (guint s = 0; nrem_attendance_statuses[s] != NULL; s++)
        gtk_string_list_append (statuses, nrem_attendance_status_label (nrem_attendance_statuses[s]));

      rows->meeting = g_strdup (nrem_record_get_uuid (record));
      rows->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->status_row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (rows->status_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->status_row), dates);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (rows->status_row), 2);
      adw_combo_row_set_model (rows->status_row, G_LIST_MODEL (statuses));

      rows->head_switch = GTK_SWITCH (gtk_switch_new ());
      gtk_widget_set_valign (GTK_WIDGET (rows->head_switch), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rows->head_switch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, head_label, -1);
      rows->head_row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->head_row), _("Head of delegation"));
      adw_action_row_add_suffix (rows->head_row, GTK_WIDGET (rows->head_switch));
      adw_action_row_set_activatable_widget (rows->head_row, GTK_WIDGET (rows->head_switch));
      gtk_widget_set_visible (GTK_WIDGET (rows->head_row), FALSE);

      g_object_set_data (G_OBJECT (rows->status_row), "nrem-meeting-rows", rows);
      g_object_set_data (G_OBJECT (rows->head_switch), "nrem-meeting-rows", rows);
      g_signal_connect_object (rows->status_row, "notify::selected",
                               G_CALLBACK (on_status_selected_cb), self, 0);
      g_signal_connect_object (rows->head_switch, "notify::active",
                               G_CALLBACK (on_head_active_cb), self, 0);

      adw_preferences_group_add (self->meetings_group, GTK_WIDGET (rows->status_row));
      adw_preferences_group_add (self->meetings_group, GTK_WIDGET (rows->head_row));
      g_ptr_array_add (self->meeting_rows, rows);
    }
  load_attendance (self);
}

static void
on_meetings_changed_cb (NremParticipantDetail *self)
{
  rebuild_meetings (self);
}

/* ------------------------------------------------------------------------------------------
 * Showing the person
 */

static void
update_header (NremParticipantDetail *self)
{
  const NremParticipantInfo *info = nrem_participant_item_get_info (self->item);
  const char *honorific = nrem_row_get (info->row, "honorific");
  const char *name = nrem_participant_item_get_name (self->item);
  g_autofree char *heading = honorific != NULL ? g_strdup_printf ("%s %s", honorific, name) : g_strdup (name);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  const char *position = nrem_row_get (info->row, "position");
  const char *affiliation = nrem_participant_item_get_affiliation (self->item);
  const char *country = nrem_participant_item_get_country_name (self->item);
  const char *role = nrem_participant_role_label (nrem_participant_item_get_role (self->item));

  gtk_label_set_label (self->heading_label, heading);
  if (position != NULL)
    g_ptr_array_add (parts, (gpointer) position);
  if (affiliation != NULL)
    g_ptr_array_add (parts, (gpointer) affiliation);
  if (country != NULL)
    g_ptr_array_add (parts, (gpointer) country);
  if (role != NULL)
    g_ptr_array_add (parts, (gpointer) role);
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary[0] != '\0');
}

static void
update_mechanism (NremParticipantDetail *self)
{
  const NremParticipantInfo *info = nrem_participant_item_get_info (self->item);
  g_autofree char *subtitle = NULL;
  const char *type = nrem_mechanism_type_label (info->mechanism_type);

  if (info->mechanism_name != NULL)
    {
      g_autofree char *country = info->mechanism_country != NULL && self->session != NULL
        ? nrem_session_dup_country_name (self->session, info->mechanism_country) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mechanism_row), info->mechanism_name);
      if (country != NULL && type != NULL)
        subtitle = g_strdup_printf ("%s · %s", type, country);
      else
        subtitle = g_strdup (type != NULL ? type : country);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mechanism_row), _("No mechanism"));
  adw_action_row_set_subtitle (self->mechanism_row, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->clear_mechanism_button), info->mechanism_name != NULL);
  nrem_mechanism_picker_set_participant (self->mechanism_picker, self->uuid,
                                         nrem_participant_item_get_country (self->item));
}

static void
load_fields (NremParticipantDetail *self)
{
  const NremParticipantInfo *info;
  const char *role;
  guint role_position = 0;

  if (self->item == NULL)
    return;
  info = nrem_participant_item_get_info (self->item);

  for (guint i = 0; i < N_FIELDS; i++)
    if (!(self->dirty & FIELD_BIT (i)))
      set_text (self, i, nrem_row_get (info->row, field_names[i]));
  check_all (self);

  self->loading = TRUE;
  role = nrem_participant_item_get_role (self->item);
  for (guint r = 0; role != NULL && nrem_participant_roles[r] != NULL; r++)
    if (g_strcmp0 (nrem_participant_roles[r], role) == 0)
      role_position = r + 1;
  if (adw_combo_row_get_selected (self->role_row) != role_position)
    adw_combo_row_set_selected (self->role_row, role_position);
  if (self->countries != NULL)
    {
      guint position = nrem_participants_country_position (self->countries,
                                                           nrem_participant_item_get_country (self->item));

      if (gtk_drop_down_get_selected (self->country_dropdown) != position)
        gtk_drop_down_set_selected (self->country_dropdown, position);
    }
  self->loading = FALSE;

  if (!(self->dirty & FIELD_BIT (FIELD_NAME)))
    update_header (self);
  update_mechanism (self);
  load_attendance (self);
  update_duplicate (self);
}

static void
on_item_notify_cb (NremParticipantDetail *self)
{
  load_fields (self);
}

static void
update_editable (NremParticipantDetail *self)
{
  NremStore *store = get_store (self);
  gboolean editable = store != NULL && !nrem_store_is_read_only (store);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (GTK_IS_TEXT_VIEW (self->editors[i]))
        gtk_text_view_set_editable (GTK_TEXT_VIEW (self->editors[i]), editable);
      else
        gtk_editable_set_editable (GTK_EDITABLE (self->editors[i]), editable);
      gtk_accessible_update_property (editor_accessible (self->editors[i]),
                                      GTK_ACCESSIBLE_PROPERTY_READ_ONLY, !editable, -1);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->country_dropdown), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mechanism_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_mechanism_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meetings_group), editable);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_participant_detail_dispose (GObject *object)
{
  NremParticipantDetail *self = (NremParticipantDetail *) object;

  /* what was typed last is saved, even when the window closes within the delay */
  save_pending (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (nrem_session_get_meetings (self->session), self);
  g_clear_object (&self->session);
  g_clear_object (&self->list);
  g_clear_object (&self->countries);
  g_clear_pointer (&self->meeting_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_PARTICIPANT_DETAIL);
  G_OBJECT_CLASS (nrem_participant_detail_parent_class)->dispose (object);
}

static void
nrem_participant_detail_finalize (GObject *object)
{
  NremParticipantDetail *self = (NremParticipantDetail *) object;

  g_free (self->uuid);
  g_free (self->duplicate);
  G_OBJECT_CLASS (nrem_participant_detail_parent_class)->finalize (object);
}

static void
nrem_participant_detail_class_init (NremParticipantDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_participant_detail_dispose;
  object_class->finalize = nrem_participant_detail_finalize;

  /**
   * NremParticipantDetail::show-person:
   * @uuid: the person to show instead
   */
  signals[SHOW_PERSON] =
    g_signal_new ("show-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  field_quark = g_quark_from_static_string ("nrem-participant-field");
  g_type_ensure (NREM_TYPE_MECHANISM_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/participants/nrem-participant-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, heading_label);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, duplicate_revealer);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, honorific_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, position_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, role_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, country_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, mechanism_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, clear_mechanism_button);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, mechanism_button);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, mechanism_picker);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, languages_row);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, notes_view);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantDetail, delete_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nrem_participant_detail_init (NremParticipantDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors[FIELD_NAME] = GTK_WIDGET (self->name_row);
  self->editors[FIELD_HONORIFIC] = GTK_WIDGET (self->honorific_row);
  self->editors[FIELD_POSITION] = GTK_WIDGET (self->position_row);
  self->editors[FIELD_ORGANISATION] = GTK_WIDGET (self->organisation_row);
  self->editors[FIELD_EMAIL] = GTK_WIDGET (self->email_row);
  self->editors[FIELD_PHONE] = GTK_WIDGET (self->phone_row);
  self->editors[FIELD_LANGUAGES] = GTK_WIDGET (self->languages_row);
  self->editors[FIELD_NOTES] = GTK_WIDGET (self->notes_view);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *editor = self->editors[i];
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GObject *source = GTK_IS_TEXT_VIEW (editor)
        ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)))
        : G_OBJECT (editor);

      g_object_set_qdata (source, field_quark, GUINT_TO_POINTER (i));
      /* the text inside a row is named by the row's title (libadwaita 1.2 leaves it unnamed) */
      if (ADW_IS_ENTRY_ROW (editor))
        gtk_accessible_update_property (editor_accessible (editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editor)), -1);
      g_signal_connect_object (source, "changed", G_CALLBACK (on_editor_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (editor, focus);

      if (i == FIELD_NAME || i == FIELD_EMAIL || i == FIELD_PHONE)
        {
          GtkWidget *hint = gtk_label_new (NULL);

          gtk_label_set_ellipsize (GTK_LABEL (hint), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (hint), 22);
          gtk_widget_set_visible (hint, FALSE);
          gtk_widget_add_css_class (hint, "error");
          gtk_widget_add_css_class (hint, "caption");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (editor), hint);
          self->hints[i] = GTK_LABEL (hint);
        }
    }

  self->roles = gtk_string_list_new (NULL);
  gtk_string_list_append (self->roles, _("Not set"));
  for (guint r = 0; nrem_participant_roles[r] != NULL; r++)
    gtk_string_list_append (self->roles, nrem_participant_role_label (nrem_participant_roles[r]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (self->roles));
  g_object_unref (self->roles);

  g_signal_connect_object (self->role_row, "notify::selected", G_CALLBACK (on_role_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_dropdown, "notify::selected",
                           G_CALLBACK (on_country_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_mechanism_button, "clicked",
                           G_CALLBACK (on_clear_mechanism_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->duplicate_button, "clicked", G_CALLBACK (on_duplicate_show_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
  nrem_participants_fix_mnemonic_names (GTK_WIDGET (self));
  update_editable (self);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_participant_detail_new (void)
{
  return g_object_new (NREM_TYPE_PARTICIPANT_DETAIL, NULL);
}

void
nrem_participant_detail_set_context (NremParticipantDetail *self,
                                     NremSession           *session,
                                     NremParticipantList   *list)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_DETAIL (self));

  nrem_participant_detail_set_item (self, NULL);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (nrem_session_get_meetings (self->session), self);
  g_set_object (&self->session, session);
  g_set_object (&self->list, list);

  g_clear_object (&self->countries);
  if (session != NULL)
    {
      self->countries = nrem_participants_country_model (nrem_session_get_store (session), _("Not set"));
      self->loading = TRUE;
      nrem_participants_setup_country_dropdown (self->country_dropdown, self->countries);
      self->loading = FALSE;
      g_signal_connect_object (nrem_session_get_meetings (session), "items-changed",
                               G_CALLBACK (on_meetings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  nrem_mechanism_picker_set_store (self->mechanism_picker,
                                   session != NULL ? nrem_session_get_store (session) : NULL);
  rebuild_meetings (self);
  update_editable (self);
}

/**
 * nrem_participant_detail_set_item:
 * @item: (nullable): the person to show
 *
 * Saves what is waiting for the person shown before, then shows @item.
 */
void
nrem_participant_detail_set_item (NremParticipantDetail *self,
                                  NremParticipantItem   *item)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_DETAIL (self));

  if (self->item == item)
    return;
  save_pending (self);
  /* a name that could not be saved (empty) is given up with the person */
  self->dirty = 0;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  g_free (self->uuid);
  self->uuid = item != NULL ? g_strdup (nrem_participant_item_get_uuid (item)) : NULL;

  if (item == NULL)
    return;
  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  load_fields (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

NremParticipantItem *
nrem_participant_detail_get_item (NremParticipantDetail *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_DETAIL (self), NULL);
  return self->item;
}

void
nrem_participant_detail_flush (NremParticipantDetail *self)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_DETAIL (self));
  save_pending (self);
}

gboolean
nrem_participant_detail_has_pending (NremParticipantDetail *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_DETAIL (self), FALSE);
  return self->dirty != 0;
}

void
nrem_participant_detail_focus_name (NremParticipantDetail *self,
                                    gboolean               select_all)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  /* a name to type over, or one to edit: then nothing is selected that a key would replace */
  if (select_all)
    gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
  else
    gtk_editable_set_position (GTK_EDITABLE (self->name_row), -1);
}

GtkWidget *
nrem_participant_detail_get_editor (NremParticipantDetail *self,
                                    const char            *field)
{
  Field i = field_from_name (field);

  g_return_val_if_fail (i < N_FIELDS, NULL);
  return self->editors[i];
}

void
nrem_participant_detail_set_field_text (NremParticipantDetail *self,
                                        const char            *field,
                                        const char            *text)
{
  Field i = field_from_name (field);

  g_return_if_fail (i < N_FIELDS);
  /* as if typed: through the widget, so that its signals run */
  if (GTK_IS_TEXT_VIEW (self->editors[i]))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editors[i])), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->editors[i]), text);
}

gboolean
nrem_participant_detail_field_is_valid (NremParticipantDetail *self,
                                        const char            *field)
{
  Field i = field_from_name (field);

  g_return_val_if_fail (i < N_FIELDS, FALSE);
  return !(self->invalid & FIELD_BIT (i)) && !gtk_widget_has_css_class (self->editors[i], "error");
}

void
nrem_participant_detail_select_role (NremParticipantDetail *self,
                                     const char            *role)
{
  guint position = 0;

  for (guint r = 0; role != NULL && nrem_participant_roles[r] != NULL; r++)
    if (g_strcmp0 (nrem_participant_roles[r], role) == 0)
      position = r + 1;
  adw_combo_row_set_selected (self->role_row, position);
}

void
nrem_participant_detail_select_country (NremParticipantDetail *self,
                                        const char            *code)
{
  gtk_drop_down_set_selected (self->country_dropdown,
                              nrem_participants_country_position (self->countries, code));
}

static MeetingRows *
find_meeting_rows (NremParticipantDetail *self,
                   const char            *meeting_uuid)
{
  for (guint i = 0; self->meeting_rows != NULL && i < self->meeting_rows->len; i++)
    {
      MeetingRows *rows = g_ptr_array_index (self->meeting_rows, i);

      if (g_strcmp0 (rows->meeting, meeting_uuid) == 0)
        return rows;
    }
  return NULL;
}

void
nrem_participant_detail_select_attendance (NremParticipantDetail *self,
                                           const char            *meeting_uuid,
                                           const char            *status)
{
  MeetingRows *rows = find_meeting_rows (self, meeting_uuid);
  guint position = 0;

  g_return_if_fail (rows != NULL);
  for (guint s = 0; status != NULL && nrem_attendance_statuses[s] != NULL; s++)
    if (g_strcmp0 (nrem_attendance_statuses[s], status) == 0)
      position = s + 1;
  adw_combo_row_set_selected (rows->status_row, position);
}

void
nrem_participant_detail_set_head (NremParticipantDetail *self,
                                  const char            *meeting_uuid,
                                  gboolean               head)
{
  MeetingRows *rows = find_meeting_rows (self, meeting_uuid);

  g_return_if_fail (rows != NULL);
  gtk_switch_set_active (rows->head_switch, head);
}

/* Returns: (nullable): the text of the hint about a person with the same name, when shown */
const char *
nrem_participant_detail_get_duplicate_hint (NremParticipantDetail *self)
{
  if (!gtk_revealer_get_reveal_child (self->duplicate_revealer))
    return NULL;
  return gtk_label_get_label (self->duplicate_label);
}

const char *
nrem_participant_detail_get_mechanism_label (NremParticipantDetail *self)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->mechanism_row));
}

GtkWidget *
nrem_participant_detail_get_mechanism_picker (NremParticipantDetail *self)
{
  return GTK_WIDGET (self->mechanism_picker);
}
