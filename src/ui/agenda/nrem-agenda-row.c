/* nrem-agenda-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-agenda"

#include "config.h"

#include "nrem-agenda-row.h"
#include "nrem-agenda-page.h"
#include "nrem-agenda-time.h"

#include <glib/gi18n.h>

struct _NremAgendaRow
{
  GtkWidget            parent_instance;

  NremAgendaSession   *session;
  NremAgendaProgramme *programme;

  GtkWidget           *kind_bar;
  GtkLabel            *start_label;
  GtkLabel            *end_label;
  GtkLabel            *title_label;
  GtkLabel            *state_label;
  GtkLabel            *meta_label;
  GtkLabel            *people_label;
  GtkWidget           *warning_box;
  GtkLabel            *warning_label;
};

G_DEFINE_FINAL_TYPE (NremAgendaRow, nrem_agenda_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_classes[] = {
  "kind-opening", "kind-plenary", "kind-panel", "kind-working-group", "kind-break", "kind-closing",
};
static const char * const state_classes[] = { "agenda-running", "agenda-next", "agenda-past" };

static NremAgendaProgramme *
find_programme (NremAgendaRow *self)
{
  GtkWidget *page;

  if (self->programme != NULL)
    return self->programme;
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), NREM_TYPE_AGENDA_PAGE);
  return page != NULL ? nrem_agenda_page_get_programme (NREM_AGENDA_PAGE (page)) : NULL;
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update (NremAgendaRow *self)
{
  NremAgendaProgramme *programme = find_programme (self);
  NremRecord *record = NREM_RECORD (self->session);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *people = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  const char *kind;
  const char *start, *end;
  NremAgendaState state;
  GtkWidget *parent;

  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), kind_classes[i]);
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), state_classes[i]);
  if (self->session == NULL || programme == NULL)
    return;

  start = nrem_record_get_string (record, "start_time");
  end = nrem_record_get_string (record, "end_time");
  set_label (self->start_label, start ? start : "—");
  set_label (self->end_label, end);
  set_label (self->title_label, nrem_record_get_string (record, "title"));

  kind = nrem_record_get_string (record, "kind");
  if (kind != NULL)
    {
      g_autofree char *css = g_strconcat ("kind-", kind, NULL);

      gtk_widget_add_css_class (GTK_WIDGET (self), css);
    }

  meta = nrem_agenda_programme_dup_meta_label (programme, self->session);
  set_label (self->meta_label, meta);
  people = nrem_agenda_programme_dup_people_label (programme, self->session);
  set_label (self->people_label, people);
  warnings = nrem_agenda_warnings_text (nrem_agenda_programme_get_warnings (programme,
                                                                            nrem_record_get_uuid (record)));
  gtk_label_set_label (self->warning_label, warnings);
  gtk_widget_set_visible (self->warning_box, warnings[0] != '\0');

  now = nrem_agenda_now ();
  state = nrem_agenda_programme_get_state (programme, self->session, now);
  switch (state)
    {
    case NREM_AGENDA_STATE_RUNNING:
      set_label (self->state_label, _("Now"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "agenda-running");
      break;
    case NREM_AGENDA_STATE_NEXT:
      set_label (self->state_label, _("Next"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "agenda-next");
      break;
    case NREM_AGENDA_STATE_PAST:
      set_label (self->state_label, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self), "agenda-past");
      break;
    case NREM_AGENDA_STATE_NONE:
    case NREM_AGENDA_STATE_LATER:
    default:
      set_label (self->state_label, NULL);
      break;
    }

  /* read as one: "Wednesday 21 May, 09:30–10:30: Opening, Plenary hall" */
  label = nrem_agenda_programme_dup_accessible_label (programme, self->session);
  description = nrem_agenda_programme_dup_accessible_description (programme, self->session, now);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  /* the list item around the row is what takes the focus: it says the same */
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (parent), "GtkListItemWidget") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

static void
on_session_notify_cb (NremAgendaRow *self)
{
  update (self);
}

static void
on_programme_reloaded_cb (NremAgendaRow *self)
{
  /* names, warnings and "now" change without the record changing */
  update (self);
}

static void
nrem_agenda_row_root (GtkWidget *widget)
{
  NremAgendaRow *self = NREM_AGENDA_ROW (widget);
  NremAgendaProgramme *programme;

  GTK_WIDGET_CLASS (nrem_agenda_row_parent_class)->root (widget);
  programme = find_programme (self);
  if (programme != NULL)
    g_signal_connect_object (programme, "reloaded", G_CALLBACK (on_programme_reloaded_cb), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

static void
nrem_agenda_row_unroot (GtkWidget *widget)
{
  NremAgendaRow *self = NREM_AGENDA_ROW (widget);
  NremAgendaProgramme *programme = find_programme (self);

  if (programme != NULL)
    g_signal_handlers_disconnect_by_func (programme, on_programme_reloaded_cb, self);
  GTK_WIDGET_CLASS (nrem_agenda_row_parent_class)->unroot (widget);
}

static void
nrem_agenda_row_dispose (GObject *object)
{
  NremAgendaRow *self = (NremAgendaRow *) object;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_notify_cb, self);
  g_clear_object (&self->session);
  g_clear_object (&self->programme);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_AGENDA_ROW);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (nrem_agenda_row_parent_class)->dispose (object);
}

static void
nrem_agenda_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NremAgendaRow *self = NREM_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_agenda_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NremAgendaRow *self = NREM_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nrem_agenda_row_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_agenda_row_class_init (NremAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_agenda_row_dispose;
  object_class->get_property = nrem_agenda_row_get_property;
  object_class->set_property = nrem_agenda_row_set_property;
  widget_class->root = nrem_agenda_row_root;
  widget_class->unroot = nrem_agenda_row_unroot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_AGENDA_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/agenda/nrem-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, kind_bar);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, start_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, end_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, people_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, warning_box);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaRow, warning_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agendarow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nrem_agenda_row_init (NremAgendaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NremAgendaSession *
nrem_agenda_row_get_session (NremAgendaRow *self)
{
  return self->session;
}

void
nrem_agenda_row_set_session (NremAgendaRow     *self,
                             NremAgendaSession *session)
{
  g_return_if_fail (NREM_IS_AGENDA_ROW (self));

  if (self->session == session)
    {
      update (self);
      return;
    }
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_notify_cb, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify", G_CALLBACK (on_session_notify_cb), self,
                             G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* For a row outside a page (tests); inside one, the page's programme is found by itself. */
void
nrem_agenda_row_set_programme (NremAgendaRow       *self,
                               NremAgendaProgramme *programme)
{
  g_set_object (&self->programme, programme);
  update (self);
}

const char *
nrem_agenda_row_get_warning_text (NremAgendaRow *self)
{
  return gtk_widget_get_visible (self->warning_box) ? gtk_label_get_label (self->warning_label) : NULL;
}

const char *
nrem_agenda_row_get_state_text (NremAgendaRow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->state_label)) ? gtk_label_get_label (self->state_label) : NULL;
}
