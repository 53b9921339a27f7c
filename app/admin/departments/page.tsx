import { DataTable } from '@/components/data-table';
import { getDatabase } from '@/db/client';
import { CreateDepartmentForm, EditDepartmentForm } from '@/components/departments/department-forms';
import { guardPage } from '@/lib/auth/guard';
import { listDepartments } from '@/lib/departments/service';
import { getI18n } from '@/lib/i18n/server';
import { createDepartmentAction, updateDepartmentAction } from './actions';

export default async function AdminDepartmentsPage() {
  await guardPage('/admin/departments', 'departments:manage');
  const { t } = await getI18n();
  const labels = t.adminDepartments;
  const departments = await listDepartments(await getDatabase());
  const parents = departments.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }));
  return (
    <section className="stack" aria-labelledby="departments-title">
      <h1 id="departments-title">{labels.title}</h1>
      <p className="lead">{labels.intro}</p>
      <div className="card">
        <h2>{labels.createTitle}</h2>
        <CreateDepartmentForm submit={createDepartmentAction} labels={labels} parents={parents} />
      </div>
      <div className="card">
        <h2 id="departments-list">
          {labels.listTitle}（{departments.length}）
        </h2>
        <DataTable columns={[labels.code, labels.status, labels.actions]} rowCount={departments.length} labelledBy="departments-list">
          {departments.map((d) => (
            <tr key={d.code}>
              <th scope="row">{d.code}</th>
              <td>{d.active ? labels.active : labels.inactive}</td>
              <td>
                <EditDepartmentForm submit={updateDepartmentAction} labels={labels} parents={parents} department={d} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}
