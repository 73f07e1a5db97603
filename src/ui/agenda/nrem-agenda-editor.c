/* nrem-agenda-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-agenda"

#include "config.h"

#include "nrem-agenda-editor.h"
#include "nrem-agenda-time.h"
#include "nrem-person-search.h"
#include "nrem-time.h"

#include "nrem-field-editor.h"

#include <glib/gi18n.h>
#include <string.h>

typedef enum
{
  FIELD_TITLE,
  FIELD_ROOM,
  FIELD_DAY,
  FIELD_START,
  FIELD_END,
  FIELD_DESCRIPTION,
  FIELD_NOTES,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "title", "room", "day", "start_time", "end_time", "description", "notes"
};

static const char * const kinds[] = {
  NULL, "opening", "plenary", "panel", "working-group", "break", "closing"
};

#define FIELD_BIT(i) (1u << (i))

struct _NremAgendaEditor
{
  GtkWidget            parent_instance;

  NremAgendaProgramme *programme;
  NremAgendaSession   *session;

  GtkStack            *stack;
  GtkWidget           *back_button;
  GtkLabel            *heading_label;
  GtkWidget           *warning_box;
  GtkLabel            *warning_label;
  AdwEntryRow         *title_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *room_row;
  AdwPreferencesGroup *time_group;
  AdwEntryRow         *day_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  AdwActionRow        *chair_row;
  GtkMenuButton       *chair_button;
  GtkWidget           *chair_clear;
  AdwActionRow        *rapporteur_row;
  GtkMenuButton       *rapporteur_button;
  GtkWidget           *rapporteur_clear;
  GtkMenuButton       *speaker_button;
  GtkListBox          *speakers_list;
  GtkTextView         *description_view;
  GtkTextView         *notes_view;
  GtkLabel            *notes_status;

  GtkWidget           *editors[N_FIELDS];
  GtkLabel            *hints[N_FIELDS];
  guint                dirty;
  guint                invalid;
  guint                save_source;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (NremAgendaEditor, nrem_agenda_editor, GTK_TYPE_WIDGET)

static GQuark field_quark;

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static NremStore *
get_store (NremAgendaEditor *self)
{
  return self->programme != NULL ? nrem_agenda_programme_get_store (self->programme) : NULL;
}

static void
show_toast (NremAgendaEditor *self,
            const char       *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static char *
get_text (NremAgendaEditor *self,
          Field             i)
{
  return nrem_field_editor_dup_text (self->editors[i]);
}

static void
set_text (NremAgendaEditor *self,
          Field             i,
          const char       *text)
{
  self->loading = TRUE;
  nrem_field_editor_set_text (self->editors[i], text);
  self->loading = FALSE;
}

/* The value to store: trimmed for the short fields, "9:30" written "09:30". */
static char *
normalise (Field       i,
           const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if ((i == FIELD_START || i == FIELD_END) && strlen (stripped) == 4 && stripped[1] == ':')
    return g_strdup_printf ("0%s", stripped);
  if (i == FIELD_DESCRIPTION || i == FIELD_NOTES)
    return g_strdup (text);
  return g_steal_pointer (&stripped);
}

/* Returns: (nullable): why the text of field @i cannot be saved; @hint: what it means */
static char *
check_field (NremAgendaEditor  *self,
             Field              i,
             char             **hint)
{
  g_autofree char *raw = get_text (self, i);
  g_autofree char *text = normalise (i, raw);

  *hint = NULL;
  switch (i)
    {
    case FIELD_TITLE:
      return text[0] == '\0' ? g_strdup (_("A session needs a title")) : NULL;
    case FIELD_DAY:
      if (!nrem_date_is_valid (text))
        return g_strdup (_("Write the day as YYYY-MM-DD"));
      *hint = nrem_agenda_day_label (text);
      return NULL;
    case FIELD_START:
    case FIELD_END:
      if (text[0] == '\0')
        return NULL;
      if (!nrem_clock_time_is_valid (text))
        return g_strdup (_("Write the time as HH:MM, such as 09:30"));
      if (i == FIELD_END)
        {
          g_autofree char *start_raw = get_text (self, FIELD_START);
          g_autofree char *start = normalise (FIELD_START, start_raw);
          int minutes = nrem_agenda_duration (start, text);

          if (minutes > 0)
            *hint = minutes >= 60 && minutes % 60 != 0
                    ? g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60)
                    : minutes >= 60 ? g_strdup_printf (_("%d h"), minutes / 60)
                                    : g_strdup_printf (_("%d min"), minutes);
          if (minutes >= 0 && nrem_agenda_parse_clock (text) < nrem_agenda_parse_clock (start))
            {
              g_autofree char *h = g_steal_pointer (hint);

              *hint = g_strdup_printf (_("%s, ends the next day"), h ? h : "");
            }
        }
      return NULL;
    case FIELD_ROOM:
    case FIELD_DESCRIPTION:
    case FIELD_NOTES:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static void
show_validity (NremAgendaEditor *self,
               Field             i,
               const char       *problem,
               const char       *hint)
{
  nrem_field_editor_show_validity (self->editors[i], self->hints[i], problem, hint);
  if (problem != NULL)
    self->invalid |= FIELD_BIT (i);
  else
    self->invalid &= ~FIELD_BIT (i);
}

static void
check_all (NremAgendaEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *hint = NULL;
      g_autofree char *problem = check_field (self, i, &hint);

      show_validity (self, i, problem, hint);
    }
}

static void
set_notes_status (NremAgendaEditor *self,
                  const char       *text)
{
  gtk_label_set_label (self->notes_status, text ? text : "");
}

/* ------------------------------------------------------------------------------------------
 * Showing the session
 */

static void
remove_speaker_cb (GtkButton        *button,
                   NremAgendaEditor *self)
{
  nrem_agenda_editor_remove_speaker (self, g_object_get_data (G_OBJECT (button), "uuid"));
}

static void
load_people (NremAgendaEditor *self)
{
  NremRecord *record = NREM_RECORD (self->session);
  const char *chair = nrem_record_get_string (record, "chair");
  const char *rapporteur = nrem_record_get_string (record, "rapporteur");
  g_auto(GStrv) speakers = nrem_agenda_speakers_parse (nrem_record_get_string (record, "speakers"));
  GtkWidget *child;

  adw_action_row_set_subtitle (self->chair_row, chair ? nrem_agenda_programme_person_name (self->programme, chair)
                                                      : _("Not chosen"));
  gtk_widget_set_sensitive (self->chair_clear, chair != NULL);
  adw_action_row_set_subtitle (self->rapporteur_row,
                               rapporteur ? nrem_agenda_programme_person_name (self->programme, rapporteur)
                                          : _("Not chosen"));
  gtk_widget_set_sensitive (self->rapporteur_clear, rapporteur != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->speakers_list))) != NULL)
    gtk_list_box_remove (self->speakers_list, child);
  for (guint i = 0; speakers[i] != NULL; i++)
    {
      const char *name = nrem_agenda_programme_person_name (self->programme, speakers[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s from the speakers"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "uuid", g_strdup (speakers[i]), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_speaker_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->speakers_list, row);
    }
  if (speakers[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No speakers yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->speakers_list, row);
    }
}

static void
load_warnings (NremAgendaEditor *self)
{
  g_autofree char *text = nrem_agenda_warnings_text (
    nrem_agenda_programme_get_warnings (self->programme, nrem_record_get_uuid (NREM_RECORD (self->session))));

  gtk_label_set_label (self->warning_label, text);
  gtk_widget_set_visible (self->warning_box, text[0] != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Shows the stored value of every field that has no edit waiting. */
static void
load (NremAgendaEditor *self)
{
  NremRecord *record;
  const char *kind;
  g_autofree char *zone = NULL;
  guint selected = 0;

  if (self->session == NULL || self->programme == NULL)
    return;
  record = NREM_RECORD (self->session);
  for (guint i = 0; i < N_FIELDS; i++)
    if (!(self->dirty & FIELD_BIT (i)))
      set_text (self, i, nrem_record_get_string (record, field_names[i]));

  kind = nrem_record_get_string (record, "kind");
  for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      selected = i;
  self->loading = TRUE;
  adw_combo_row_set_selected (self->kind_row, selected);
  self->loading = FALSE;

  zone = nrem_agenda_zone_label (nrem_agenda_programme_get_time_zone (self->programme),
                                 nrem_record_get_string (record, "day"));
  /* TRANSLATORS: the description of the times of a session */
  {
    g_autofree char *desc = g_strdup_printf (_("In %s, the meeting’s time zone"), zone);

    adw_preferences_group_set_description (self->time_group, desc);
  }
  gtk_label_set_label (self->heading_label, nrem_record_get_string (record, "title"));
  load_people (self);
  load_warnings (self);
  check_all (self);
}

static void
on_session_notify_cb (NremAgendaEditor *self)
{
  load (self);
}

/* ------------------------------------------------------------------------------------------
 * Saving
 */

static void
save_pending (NremAgendaEditor *self)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(NremAgendaSession) session = NULL;
  guint saved = 0;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->session == NULL || get_store (self) == NULL || self->dirty == 0)
    return;

  check_all (self);
  for (guint i = 0; i < N_FIELDS; i++)
    if ((self->dirty & FIELD_BIT (i)) && !(self->invalid & FIELD_BIT (i)))
      {
        g_autofree char *raw = get_text (self, i);

        g_ptr_array_add (fields, (gpointer) field_names[i]);
        g_ptr_array_add (values, normalise (i, raw));
        saved |= FIELD_BIT (i);
      }
  if (fields->len == 0)
    return;
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (values, NULL);

  /* the record may be replaced while the store tells everyone: hold it */
  session = g_object_ref (self->session);
  if (saved & FIELD_BIT (FIELD_NOTES))
    set_notes_status (self, _("Saving…"));
  /* all the fields waiting, in one transaction */
  if (!nrem_store_update (get_store (self), NREM_ENTITY_SESSION,
                          nrem_record_get_uuid (NREM_RECORD (session)),
                          (const char * const *) fields->pdata,
                          (const char * const *) values->pdata, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The session was not saved: %s"), error->message);

      show_toast (self, message);
      if (saved & FIELD_BIT (FIELD_NOTES))
        set_notes_status (self, _("Not saved"));
      return;
    }
  self->dirty &= ~saved;
  if (saved & FIELD_BIT (FIELD_NOTES))
    set_notes_status (self, _("Saved"));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  NremAgendaEditor *self = user_data;

  self->save_source = 0;
  save_pending (self);
  return G_SOURCE_REMOVE;
}

static void
on_editor_changed_cb (NremAgendaEditor *self,
                      GObject          *source)
{
  Field i = GPOINTER_TO_UINT (g_object_get_qdata (source, field_quark));

  if (self->loading || self->session == NULL)
    return;
  self->dirty |= FIELD_BIT (i);
  if (i == FIELD_NOTES)
    set_notes_status (self, _("Editing…"));
  if (i == FIELD_TITLE)
    gtk_label_set_label (self->heading_label, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  check_all (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (NREM_AGENDA_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_focus_leave_cb (NremAgendaEditor *self)
{
  if (self->dirty != 0)
    save_pending (self);
}

static void
on_kind_selected_cb (NremAgendaEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  const char *fields[] = { "kind", NULL };
  const char *values[] = { selected < G_N_ELEMENTS (kinds) ? kinds[selected] : NULL, NULL };
  g_autoptr(GError) error = NULL;

  if (self->loading || self->session == NULL || get_store (self) == NULL)
    return;
  save_pending (self);
  if (!nrem_store_update (get_store (self), NREM_ENTITY_SESSION,
                          nrem_record_get_uuid (NREM_RECORD (self->session)), fields, values, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The kind was not saved: %s"), error->message);

      show_toast (self, message);
    }
}

static void
on_chair_clear_cb (NremAgendaEditor *self)
{
  nrem_agenda_editor_set_person (self, "chair", NULL);
}

static void
on_rapporteur_clear_cb (NremAgendaEditor *self)
{
  nrem_agenda_editor_set_person (self, "rapporteur", NULL);
}

static void
on_chair_chosen_cb (NremAgendaEditor *self,
                    const char       *uuid)
{
  nrem_agenda_editor_set_person (self, "chair", uuid);
}

static void
on_rapporteur_chosen_cb (NremAgendaEditor *self,
                         const char       *uuid)
{
  nrem_agenda_editor_set_person (self, "rapporteur", uuid);
}

static void
on_speaker_chosen_cb (NremAgendaEditor *self,
                      const char       *uuid)
{
  nrem_agenda_editor_set_person (self, "speakers", uuid);
}

static void
on_programme_reloaded_cb (NremAgendaEditor *self)
{
  /* a new name, a new clash: the record itself may not have changed */
  if (self->session != NULL)
    {
      load_people (self);
      load_warnings (self);
    }
}

static void
make_popover (NremAgendaEditor *self,
              GtkMenuButton    *button,
              const char       *label,
              GCallback         chosen)
{
  NremPersonSearch *search = NULL;
  GtkWidget *popover = nrem_person_search_popover_new (get_store (self), label, &search);

  g_signal_connect_object (search, "person-chosen", chosen, self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, popover);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_agenda_editor_dispose (GObject *object)
{
  NremAgendaEditor *self = (NremAgendaEditor *) object;

  save_pending (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  nrem_agenda_editor_set_session (self, NULL);
  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);
  g_clear_object (&self->programme);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_AGENDA_EDITOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (nrem_agenda_editor_parent_class)->dispose (object);
}

static void
nrem_agenda_editor_class_init (NremAgendaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_agenda_editor_dispose;
  field_quark = g_quark_from_static_string ("nrem-agenda-field");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/agenda/nrem-agenda-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, warning_box);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, warning_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, room_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, time_group);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, day_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, chair_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, chair_button);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, chair_clear);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, rapporteur_row);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, rapporteur_button);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, rapporteur_clear);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, speakers_list);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaEditor, notes_status);
  gtk_widget_class_bind_template_callback (widget_class, on_chair_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rapporteur_clear_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nrem_agenda_editor_init (NremAgendaEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors[FIELD_TITLE] = GTK_WIDGET (self->title_row);
  self->editors[FIELD_ROOM] = GTK_WIDGET (self->room_row);
  self->editors[FIELD_DAY] = GTK_WIDGET (self->day_row);
  self->editors[FIELD_START] = GTK_WIDGET (self->start_row);
  self->editors[FIELD_END] = GTK_WIDGET (self->end_row);
  self->editors[FIELD_DESCRIPTION] = GTK_WIDGET (self->description_view);
  self->editors[FIELD_NOTES] = GTK_WIDGET (self->notes_view);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *editor = self->editors[i];
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GObject *source = GTK_IS_TEXT_VIEW (editor)
        ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)))
        : G_OBJECT (editor);

      g_object_set_qdata (source, field_quark, GUINT_TO_POINTER (i));
      g_signal_connect_object (source, "changed", G_CALLBACK (on_editor_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (editor, focus);

      /* the text inside the row is what a screen reader meets: it carries the row's name */
      if (ADW_IS_ENTRY_ROW (editor))
        gtk_accessible_update_property (nrem_field_editor_accessible (editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editor)),
                                        -1);

      if (ADW_IS_ENTRY_ROW (editor) && i != FIELD_ROOM)
        {
          GtkWidget *hint = gtk_label_new (NULL);

          gtk_label_set_ellipsize (GTK_LABEL (hint), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (hint), 22);
          gtk_widget_set_visible (hint, FALSE);
          gtk_widget_add_css_class (hint, "dim-label");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (editor), hint);
          self->hints[i] = GTK_LABEL (hint);
        }
    }
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

void
nrem_agenda_editor_set_programme (NremAgendaEditor    *self,
                                  NremAgendaProgramme *programme)
{
  g_return_if_fail (NREM_IS_AGENDA_EDITOR (self));

  if (self->programme == programme)
    return;
  nrem_agenda_editor_set_session (self, NULL);
  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);
  g_set_object (&self->programme, programme);
  if (programme == NULL)
    return;
  g_signal_connect_object (programme, "reloaded", G_CALLBACK (on_programme_reloaded_cb), self,
                           G_CONNECT_SWAPPED);
  make_popover (self, self->chair_button, _("Choose the chair"), G_CALLBACK (on_chair_chosen_cb));
  make_popover (self, self->rapporteur_button, _("Choose the rapporteur"),
                G_CALLBACK (on_rapporteur_chosen_cb));
  make_popover (self, self->speaker_button, _("Add a speaker"), G_CALLBACK (on_speaker_chosen_cb));
}

NremAgendaSession *
nrem_agenda_editor_get_session (NremAgendaEditor *self)
{
  return self->session;
}

/**
 * nrem_agenda_editor_set_session:
 *
 * Saves what waits for the session shown, then shows @session.
 */
void
nrem_agenda_editor_set_session (NremAgendaEditor  *self,
                                NremAgendaSession *session)
{
  g_return_if_fail (NREM_IS_AGENDA_EDITOR (self));

  if (self->session == session)
    return;
  save_pending (self);
  if (self->dirty != 0 && self->session != NULL)
    {
      /* the rest cannot be saved as typed: say so rather than drop it silently */
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < N_FIELDS; i++)
        if (self->dirty & FIELD_BIT (i))
          {
            g_autofree char *text = get_text (self, i);

            if (list->len > 0)
              g_string_append (list, _(", "));
            g_string_append_printf (list, "“%s”", text);
          }
      message = g_strdup_printf (_("Not saved, not valid: %s"), list->str);
      show_toast (self, message);
    }
  self->dirty = 0;
  set_notes_status (self, NULL);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_notify_cb, self);
  g_set_object (&self->session, session);
  gtk_stack_set_visible_child_name (self->stack, session != NULL ? "session" : "empty");
  if (session == NULL)
    return;
  g_signal_connect_object (session, "notify", G_CALLBACK (on_session_notify_cb), self,
                           G_CONNECT_SWAPPED);
  load (self);
}

void
nrem_agenda_editor_refresh (NremAgendaEditor *self)
{
  load (self);
}

void
nrem_agenda_editor_flush (NremAgendaEditor *self)
{
  save_pending (self);
}

gboolean
nrem_agenda_editor_has_pending (NremAgendaEditor *self)
{
  return self->dirty != 0;
}

void
nrem_agenda_editor_focus_title (NremAgendaEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

void
nrem_agenda_editor_set_folded (NremAgendaEditor *self,
                               gboolean          folded)
{
  gtk_widget_set_visible (self->back_button, folded);
}

static int
field_index (const char *field)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], field) == 0)
      return (int) i;
  return -1;
}

GtkWidget *
nrem_agenda_editor_get_field (NremAgendaEditor *self,
                              const char       *field)
{
  int i = field_index (field);

  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  g_return_val_if_fail (i >= 0, NULL);
  return self->editors[i];
}

void
nrem_agenda_editor_set_field_text (NremAgendaEditor *self,
                                   const char       *field,
                                   const char       *text)
{
  GtkWidget *editor = nrem_agenda_editor_get_field (self, field);

  /* as if typed: through the widget, so that its signals run */
  if (GTK_IS_TEXT_VIEW (editor))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (editor), text);
}

gboolean
nrem_agenda_editor_field_is_valid (NremAgendaEditor *self,
                                   const char       *field)
{
  int i = field_index (field);

  g_return_val_if_fail (i >= 0, FALSE);
  return !(self->invalid & FIELD_BIT (i));
}

/**
 * nrem_agenda_editor_set_person:
 * @role: "chair", "rapporteur" or "speakers" (adds one)
 * @participant_uuid: (nullable): the person, or %NULL to clear the chair or rapporteur
 *
 * Saves at once, in one transaction.
 */
gboolean
nrem_agenda_editor_set_person (NremAgendaEditor *self,
                               const char       *role,
                               const char       *participant_uuid)
{
  const char *fields[] = { role, NULL };
  const char *values[] = { participant_uuid, NULL };
  g_autofree char *speakers = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || get_store (self) == NULL)
    return FALSE;
  save_pending (self);
  if (g_strcmp0 (role, "speakers") == 0)
    {
      g_auto(GStrv) list = nrem_agenda_speakers_parse (nrem_record_get_string (NREM_RECORD (self->session),
                                                                               "speakers"));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) updated = NULL;

      g_strv_builder_addv (builder, (const char **) list);
      if (participant_uuid != NULL)
        g_strv_builder_add (builder, participant_uuid);
      updated = g_strv_builder_end (builder);
      speakers = nrem_agenda_speakers_json ((const char * const *) updated);
      values[0] = speakers;
    }
  if (!nrem_store_update (get_store (self), NREM_ENTITY_SESSION,
                          nrem_record_get_uuid (NREM_RECORD (self->session)), fields, values, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The session was not saved: %s"), error->message);

      show_toast (self, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
nrem_agenda_editor_remove_speaker (NremAgendaEditor *self,
                                   const char       *participant_uuid)
{
  g_auto(GStrv) list = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *speakers = NULL;
  const char *fields[] = { "speakers", NULL };
  const char *values[] = { NULL, NULL };
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || get_store (self) == NULL)
    return FALSE;
  list = nrem_agenda_speakers_parse (nrem_record_get_string (NREM_RECORD (self->session), "speakers"));
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], participant_uuid) != 0)
      g_strv_builder_add (builder, list[i]);
  updated = g_strv_builder_end (builder);
  speakers = nrem_agenda_speakers_json ((const char * const *) updated);
  values[0] = speakers;
  if (!nrem_store_update (get_store (self), NREM_ENTITY_SESSION,
                          nrem_record_get_uuid (NREM_RECORD (self->session)), fields, values, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

const char *
nrem_agenda_editor_get_warning_text (NremAgendaEditor *self)
{
  return gtk_widget_get_visible (self->warning_box) ? gtk_label_get_label (self->warning_label) : NULL;
}
